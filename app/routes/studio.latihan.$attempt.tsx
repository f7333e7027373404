import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FinalScore } from "~/components/final-score";
import { HighlightedReply, TurnFeedback } from "~/components/exercise/turn-feedback";
import { Field, FormAlert } from "~/components/field";
import { turnFeedback, turnGradeOf } from "~/exercises/dm.server";
import { getTextEntry } from "~/exercises/entries.server";
import type { MessageKey, StringsHandle } from "~/i18n";
import { getAttemptInScope, overrideAttempt } from "~/models/exercise-attempt.server";
import { type SessionUser } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { useT } from "~/utils/i18n";
import { pageTitle } from "~/utils/meta";
import { fieldErrors } from "~/validation/field-errors.server";
import { managedScopePath } from "~/utils/permissions.server";
import { handleLoader, handleAction } from "~/utils/pipeline.server";
import { idPractice } from "~/i18n/id.practice";
import { englishParts } from "~/utils/i18n.server";
import { gradeChangeSchema } from "~/validation/studio-forms.server";

async function load(user: SessionUser, attemptId: string) {
  const attempt = await getAttemptInScope(await getDb(), managedScopePath(user), attemptId);
  const entry = attempt && (await getTextEntry(attempt.exerciseSlug, true));
  // Outside the instructor's agency subtree looks like a missing attempt.
  if (!attempt || !entry) throw new Response("Not found", { status: 404 });
  return { attempt, entry };
}

export const handle: StringsHandle = { strings: { practice: idPractice } };

export async function loader(args: LoaderFunctionArgs) {
  return handleLoader(args, { access: "studio:open" }, async ({ params, user, lang }) => {
    const { attempt, entry } = await load(user, params.attempt ?? "");
    return json({
      i18n: englishParts(args.request, handle),
      learnerName: attempt.learnerName,
      agencyName: attempt.agencyName,
      title: entry.title,
      targetSeconds: entry.grading.targetSeconds,
      score: attempt.score,
      passed: attempt.passed,
      overrideScore: attempt.overrideScore,
      overridePassed: attempt.overridePassed,
      overrideComment: attempt.overrideComment,
      turns: attempt.turns.map((t) => turnFeedback({ ...t, grade: turnGradeOf(t) }, entry.grading.exercise, { lang, post: entry.kind === "post" })),
    });
  });
}

export async function action(args: ActionFunctionArgs) {
  return handleAction(
    args,
    {
      access: "grade:override",
      keep: {
        score: { show: "text", label: "staff.overrideScore" },
        comment: { show: "textarea", label: "staff.overrideComment" },
      },
    },
    async ({ params, user, form: formData }) => {
      const { attempt, entry } = await load(user, params.attempt ?? "");
      const form = Object.fromEntries(formData);
      const values = { score: String(form.score ?? ""), passed: String(form.passed ?? ""), comment: String(form.comment ?? "") };
      const parsed = gradeChangeSchema.safeParse(form);
      if (!parsed.success) return json({ ok: false as const, errors: fieldErrors(parsed.error) as Record<string, MessageKey>, values }, { status: 400 });
      await overrideAttempt(await getDb(), user.id, attempt, entry.ids.courseId, {
        score: parsed.data.score,
        passed: parsed.data.passed === "ya",
        comment: parsed.data.comment,
      });
      return json({ ok: true as const, errors: {} as Record<string, MessageKey>, values });
    },
  );
}

export default function StaffAttempt() {
  const t = useT();
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const v = result?.values;
  return (
    <article className="stack">
      <p>
        <Link to="/studio/latihan">← {t("staff.back")}</Link>
      </p>
      <h1>{t("staff.attemptTitle", { learner: data.learnerName })}</h1>
      <p className="muted">
        {data.title} · {data.agencyName} · {t("staff.score")}: <FinalScore attempt={data} />
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
            <TurnFeedback turn={turn} targetSeconds={data.targetSeconds} number={i + 1} evidenceKey="studio.evidence" />
          </li>
        ))}
      </ol>
      <section className="card narrow">
        <h2>{t("staff.overrideTitle")}</h2>
        <FormAlert kind="success" message={result?.ok ? t("staff.overrideSaved") : null} />
        <FormAlert message={result && !result.ok ? t("error.formHasErrors") : null} />
        <Form method="post" noValidate>
          <Field
            name="score"
            label={t("staff.overrideScore")}
            inputMode="numeric"
            defaultValue={v?.score ?? String(data.overrideScore ?? data.score ?? "")}
            error={result?.errors.score}
          />
          <Field name="passed" label={t("staff.overridePassed")} error={result?.errors.passed}>
            <select id="f-passed" name="passed" defaultValue={v?.passed ?? ((data.overridePassed ?? data.passed) ? "ya" : "tidak")}>
              <option value="ya">{t("exercise.passed")}</option>
              <option value="tidak">{t("exercise.failed")}</option>
            </select>
          </Field>
          <div className="field">
            <label htmlFor="f-comment">{t("staff.overrideComment")}</label>
            <textarea
              id="f-comment"
              name="comment"
              defaultValue={v?.comment ?? data.overrideComment ?? ""}
              aria-invalid={result?.errors.comment ? true : undefined}
              aria-describedby={result?.errors.comment ? "f-comment-err" : undefined}
            />
            {result?.errors.comment ? (
              <p className="field-error" id="f-comment-err">
                {t(result.errors.comment)}
              </p>
            ) : null}
          </div>
          <button type="submit" className="button">
            {t("staff.overrideSubmit")}
          </button>
        </Form>
      </section>
    </article>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "staff.overrideTitle");
