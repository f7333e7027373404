import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { HighlightedReply, TurnFeedback } from "~/components/exercise/turn-feedback";
import { Field, FormAlert } from "~/components/field";
import { ReviewReasons } from "~/components/studio/review-reasons";
import { turnFeedback, turnGradeOf } from "~/exercises/dm.server";
import { findExercise, graderExerciseOf } from "~/exercises/entries.server";
import type { MessageKey, StringsHandle } from "~/i18n";
import { decideReview, getAttemptInScope } from "~/models/exercise-attempt.server";
import { getDb } from "~/utils/db.server";
import { useT } from "~/utils/i18n";
import { pageTitle } from "~/utils/meta";
import type { Scope } from "~/utils/permissions.server";
import { handleAction, handleLoader } from "~/utils/pipeline.server";
import { fieldErrors } from "~/validation/field-errors.server";
import { idPractice } from "~/i18n/id.practice";
import { englishParts } from "~/utils/i18n.server";
import { gradeChangeSchema, reviewDecisionSchema } from "~/validation/studio-forms.server";

async function load(scope: Scope, attemptId: string) {
  const attempt = await getAttemptInScope(await getDb(), scope.path, attemptId);
  const entry = attempt && (await findExercise(attempt.exerciseSlug, true));
  // Outside the instructor's agency subtree looks like a missing attempt.
  if (!attempt || !entry || attempt.reviewStatus === null) throw new Response("Not found", { status: 404 });
  // Every kind sent to review stores DM-grader turns (dm replies, a post's rewrite).
  return { attempt, entry, exercise: graderExerciseOf(entry) };
}

export const handle: StringsHandle = { strings: { practice: idPractice } };

export async function loader(args: LoaderFunctionArgs) {
  return handleLoader(args, { access: "studio:open" }, async ({ params, scope, lang }) => {
    const { attempt, entry, exercise } = await load(scope, params.attempt ?? "");
    return json({
      i18n: englishParts(args.request, handle),
      learnerName: attempt.learnerName,
      agencyName: attempt.agencyName,
      title: entry.title,
      targetSeconds: exercise.targetSeconds ?? null,
      score: attempt.score,
      passed: attempt.passed,
      graderVersion: attempt.graderVersion,
      reasons: attempt.reviewReasons ?? [],
      status: attempt.reviewStatus,
      turns: attempt.turns.map((t) => {
        const grade = turnGradeOf(t);
        return {
          ...turnFeedback({ ...t, grade }, exercise, { lang, post: entry.kind === "post" }),
          graderVersion: t.graderVersion,
          review: grade.review ?? [],
          required: [...grade.met.map((e) => ({ id: e.id, label: e.label, on: true })), ...grade.missed.map((e) => ({ id: e.id, label: e.label, on: false }))],
          violations: grade.violated.map((e) => ({ id: e.id, label: e.label, on: true })),
        };
      }),
    });
  });
}

export async function action(args: ActionFunctionArgs) {
  return handleAction(
    args,
    { access: "grade:override", keep: { score: { show: "text", label: "staff.overrideScore" }, comment: { show: "textarea", label: "review.comment" } } },
    async ({ params, scope, user, form }) => {
      const { attempt, entry } = await load(scope, params.attempt ?? "");
      const values = {
        decision: String(form.get("decision") ?? ""),
        score: String(form.get("score") ?? ""),
        passed: String(form.get("passed") ?? ""),
        comment: String(form.get("comment") ?? ""),
      };
      const base = reviewDecisionSchema.safeParse(values);
      const change = base.success && base.data.decision === "change" ? gradeChangeSchema.safeParse(values) : null;
      if (!base.success || (change && !change.success)) {
        const errors = { ...(base.success ? {} : fieldErrors(base.error)), ...(change && !change.success ? fieldErrors(change.error) : {}) } as Record<
          string,
          MessageKey
        >;
        return json({ errors, values }, { status: 400 });
      }
      // The trainer's element labels, per turn: a ticked box = met (required) / present (violation).
      const criteria: Record<string, Record<string, boolean>> = {};
      for (const t of attempt.turns) {
        const grade = turnGradeOf(t);
        const labels: Record<string, boolean> = {};
        for (const e of [...grade.met, ...grade.missed, ...grade.violated]) labels[e.id] = form.get(`c:${t.turnId}:${e.id}`) === "on";
        criteria[t.turnId] = labels;
      }
      const outcome = await decideReview(await getDb(), user.id, scope, attempt.id, entry.ids.courseId, {
        confirm: base.data.decision === "confirm",
        score: change?.success ? change.data.score : (attempt.score ?? 0),
        passed: change?.success ? change.data.passed === "ya" : attempt.passed === true,
        comment: base.data.comment,
        criteria,
      });
      if (outcome === null) throw new Response("Not found", { status: 404 });
      if (outcome === "not-pending") return json({ errors: { _form: "review.alreadyDecided" } as Record<string, MessageKey>, values }, { status: 409 });
      return redirect("/studio/tinjauan?diputuskan=1");
    },
  );
}

export default function ReviewAttempt() {
  const t = useT();
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const v = result?.values;
  const errors = result?.errors ?? {};
  const graded = `${data.score ?? "–"}, ${t(data.passed ? "exercise.passed" : "exercise.failed")}`;
  return (
    <article className="stack">
      <p>
        <Link to="/studio/tinjauan">← {t("review.back")}</Link>
      </p>
      <h1>{t("review.attemptTitle", { learner: data.learnerName })}</h1>
      <p className="muted">
        {data.title} · {data.agencyName} · {t("review.graded", { grade: graded })} · <code>{data.graderVersion}</code>
      </p>
      <p>
        {t("review.reasons")}: <ReviewReasons reasons={data.reasons} />
      </p>
      <ol className="chat-log">
        {data.turns.map((turn, i) => (
          <li key={i} className="chat-turn">
            <div className="msg msg-in">
              <p>{turn.citizenMessage}</p>
            </div>
            <div className="msg msg-out">
              <p className="reply-text">
                <HighlightedReply segments={turn.segments} />
              </p>
            </div>
            {turn.review.length ? (
              <p className="meta">
                {t("review.turnReasons")}: <ReviewReasons reasons={turn.review} />
              </p>
            ) : null}
            <TurnFeedback turn={turn} targetSeconds={data.targetSeconds} number={i + 1} />
          </li>
        ))}
      </ol>
      <section className="card narrow" aria-labelledby="decide-h">
        <h2 id="decide-h">{t("review.decideTitle")}</h2>
        {data.status !== "pending" ? <FormAlert kind="info" message={t("review.alreadyDecided")} /> : null}
        <FormAlert message={errors._form ? t(errors._form) : Object.keys(errors).length ? t("error.formHasErrors") : null} />
        <Form method="post" noValidate>
          {data.turns.map((turn, i) => (
            <fieldset key={turn.turnId} className="stack">
              <legend>{t("review.criteriaLegend", { number: i + 1 })}</legend>
              {turn.required.map((e) => (
                <label key={e.id} className="check">
                  <input type="checkbox" name={`c:${turn.turnId}:${e.id}`} defaultChecked={e.on} /> {t("review.criterionMet", { label: e.label })}
                </label>
              ))}
              {turn.violations.map((e) => (
                <label key={e.id} className="check">
                  <input type="checkbox" name={`c:${turn.turnId}:${e.id}`} defaultChecked={e.on} /> {t("review.criterionViolated", { label: e.label })}
                </label>
              ))}
            </fieldset>
          ))}
          <fieldset className="stack" aria-describedby={errors.decision ? "f-decision-err" : undefined}>
            <legend>{t("review.decision")}</legend>
            <label className="check">
              <input type="radio" name="decision" value="confirm" defaultChecked={(v?.decision ?? "confirm") === "confirm"} />{" "}
              {t("review.confirm", { grade: graded })}
            </label>
            <label className="check">
              <input type="radio" name="decision" value="change" defaultChecked={v?.decision === "change"} /> {t("review.change")}
            </label>
            {errors.decision ? (
              <p className="field-error" id="f-decision-err">
                {t(errors.decision)}
              </p>
            ) : null}
          </fieldset>
          <Field
            name="score"
            label={t("staff.overrideScore")}
            inputMode="numeric"
            defaultValue={v?.score ?? String(data.score ?? "")}
            error={errors.score}
            hint={t("review.changeOnly")}
          />
          <Field name="passed" label={t("staff.overridePassed")} error={errors.passed}>
            <select id="f-passed" name="passed" defaultValue={v?.passed ?? (data.passed ? "ya" : "tidak")}>
              <option value="ya">{t("exercise.passed")}</option>
              <option value="tidak">{t("exercise.failed")}</option>
            </select>
          </Field>
          <div className="field">
            <label htmlFor="f-comment">{t("review.comment")}</label>
            <textarea
              id="f-comment"
              name="comment"
              defaultValue={v?.comment ?? ""}
              aria-invalid={errors.comment ? true : undefined}
              aria-describedby={errors.comment ? "f-comment-err" : undefined}
            />
            {errors.comment ? (
              <p className="field-error" id="f-comment-err">
                {t(errors.comment)}
              </p>
            ) : null}
          </div>
          <button type="submit" className="button" disabled={data.status !== "pending"}>
            {t("review.submit")}
          </button>
        </Form>
      </section>
    </article>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "review.decideTitle");
