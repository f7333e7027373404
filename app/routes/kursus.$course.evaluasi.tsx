import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Fragment } from "react";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Field, FormAlert } from "~/components/field";
import type { MessageKey, StringsHandle } from "~/i18n";
import {
  addDays,
  canEditEvaluation,
  editableUntil,
  evaluationFields,
  jakartaDay,
  MIN_GROUP,
  PLAN_MAX_DAYS,
  SCALE,
  SURVEY_QUESTIONS,
  type EvaluationFields,
} from "~/learning/evaluation";
import { evaluationSchema } from "~/learning/evaluation-schema.server";
import { publishedCourseBySlug } from "~/models/course.server";
import { ownEvaluation, saveEvaluation } from "~/models/evaluation.server";
import { formatDate } from "~/utils/dates";
import { useT } from "~/utils/i18n";
import { pageTitle } from "~/utils/meta";
import { handleAction, handleLoader } from "~/utils/pipeline.server";
import { fieldErrors } from "~/validation/field-errors.server";
import { getDb } from "~/utils/db.server";
import { idSurvey } from "~/i18n/id.survey";
import { englishParts } from "~/utils/i18n.server";

export const handle: StringsHandle = { strings: { survey: idSurvey } };

/**
 * The reaction survey and action plan (RTL) of a completed course, decision 016: one per learner
 * and course, editable for a while after the first submit, a plain form that works without JS.
 */
export async function loader(args: LoaderFunctionArgs) {
  return handleLoader(args, { access: "user" }, async ({ request, params, user, lang }) => {
    const db = await getDb();
    const course = await publishedCourseBySlug(db, params.course ?? "");
    if (!course) throw new Response("Not found", { status: 404 });
    const { completed, evaluation } = await ownEvaluation(db, user.id, course.id);
    const now = new Date();
    const today = jakartaDay(now);
    return json({
      i18n: englishParts(args.request, handle),
      course: { slug: course.slug, title: course.title },
      open: completed || evaluation !== null,
      saved: new URL(request.url).searchParams.has("tersimpan"),
      editable: canEditEvaluation(evaluation?.submittedAt ?? null, now),
      submitted: evaluation ? formatDate(evaluation.submittedAt, lang) : null,
      editableUntil: evaluation ? formatDate(editableUntil(evaluation.submittedAt), lang) : null,
      fields: evaluation
        ? ({
            relevance: String(evaluation.relevance),
            clarity: String(evaluation.clarity),
            practice: String(evaluation.practice),
            time: String(evaluation.time),
            recommend: String(evaluation.recommend),
            comment: evaluation.comment ?? "",
            planChange: evaluation.planChange,
            planDue: evaluation.planDue,
            planEvidence: evaluation.planEvidence,
          } satisfies EvaluationFields)
        : null,
      planDue: evaluation ? formatDate(evaluation.planDue, lang) : null,
      minDate: evaluation && evaluation.planDue < today ? evaluation.planDue : today,
      maxDate: addDays(today, PLAN_MAX_DAYS),
      minGroup: MIN_GROUP,
    });
  });
}

export async function action(args: ActionFunctionArgs) {
  return handleAction(
    args,
    {
      access: "user",
      keep: {
        comment: { show: "textarea", label: "eval.comment" },
        planChange: { show: "textarea", label: "eval.planChange" },
        planDue: { show: "date", label: "eval.planDue" },
        planEvidence: { show: "textarea", label: "eval.planEvidence" },
      },
    },
    async ({ params, user, form }) => {
      const db = await getDb();
      const course = await publishedCourseBySlug(db, params.course ?? "");
      if (!course) throw new Response("Not found", { status: 404 });
      const fields = evaluationFields(form);
      const now = new Date();
      const { evaluation } = await ownEvaluation(db, user.id, course.id);
      const parsed = evaluationSchema(jakartaDay(now), evaluation?.planDue ?? null).safeParse(fields);
      if (!parsed.success) return json({ errors: fieldErrors(parsed.error), fields }, { status: 400 });
      const result = await saveEvaluation(db, user.id, course.id, parsed.data, now);
      if (result === "notComplete") return json({ errors: { _form: "eval.notComplete" as MessageKey }, fields }, { status: 403 });
      if (result === "locked") return json({ errors: { _form: "eval.locked" as MessageKey }, fields }, { status: 409 });
      // Post/redirect/get: a reload does not post again, and the page shows what is stored.
      return redirect(`/kursus/${course.slug}/evaluasi?tersimpan=1`);
    },
  );
}

export default function CourseEvaluation() {
  const t = useT();
  const data = useLoaderData<typeof loader>();
  const posted = useActionData<typeof action>();
  const errors: Record<string, MessageKey> = posted?.errors ?? {};
  const fields: EvaluationFields = posted?.fields ?? data.fields ?? {};
  const errorId = (name: string) => (errors[name] ? `f-${name}-err` : undefined);
  return (
    <section className="stack narrow">
      <p>
        <Link to={`/kursus/${data.course.slug}`}>← {data.course.title}</Link>
      </p>
      <h1>{t("eval.title")}</h1>
      <p className="muted">{data.course.title}</p>
      {!data.open ? (
        <div className="card">
          <p>{t("eval.notComplete")}</p>
          <Link className="button" to={`/kursus/${data.course.slug}`}>
            {t("eval.backToCourse")}
          </Link>
        </div>
      ) : (
        <>
          <FormAlert kind="success" message={data.saved && !posted ? t("eval.saved") : null} />
          <FormAlert message={errors._form ? t(errors._form) : posted ? t("error.formHasErrors") : null} />
          {data.submitted && data.editable ? <p className="hint">{t("eval.editableUntil", { date: data.editableUntil! })}</p> : null}
          {!data.editable ? (
            <ReadOnlyEvaluation fields={fields} submitted={data.submitted!} planDue={data.planDue} />
          ) : (
            <Form method="post" noValidate className="stack">
              <p>{t("eval.intro")}</p>
              <p className="hint">{t("eval.privacy", { min: data.minGroup })}</p>
              <fieldset className="card">
                <legend>{t("eval.surveyHeading")}</legend>
                <p className="hint">{t("eval.scaleHint")}</p>
                {SURVEY_QUESTIONS.map((q) => (
                  <fieldset key={q} className="choice-group" aria-describedby={errorId(q)} aria-invalid={errors[q] ? true : undefined}>
                    <legend>{t(`eval.q.${q}`)}</legend>
                    <div className="scale">
                      {SCALE.map((v) => (
                        <label key={v} className="choice">
                          <input type="radio" name={q} value={v} defaultChecked={fields[q] === String(v)} required /> {t(`eval.scale.${v}`)}
                        </label>
                      ))}
                    </div>
                    {errors[q] ? (
                      <p className="field-error" id={`f-${q}-err`}>
                        {t(errors[q]!)}
                      </p>
                    ) : null}
                  </fieldset>
                ))}
                <Field name="comment" label={t("eval.comment")} error={errors.comment}>
                  <textarea
                    id="f-comment"
                    name="comment"
                    maxLength={1000}
                    defaultValue={fields.comment ?? ""}
                    aria-invalid={errors.comment ? true : undefined}
                    aria-describedby={errorId("comment")}
                  />
                </Field>
              </fieldset>
              <fieldset className="card">
                <legend>{t("eval.planHeading")}</legend>
                <p className="hint">{t("eval.planIntro")}</p>
                <Field name="planChange" label={t("eval.planChange")} hint={t("eval.planChangeHint")} error={errors.planChange}>
                  <textarea
                    id="f-planChange"
                    name="planChange"
                    required
                    maxLength={1000}
                    defaultValue={fields.planChange ?? ""}
                    aria-invalid={errors.planChange ? true : undefined}
                    aria-describedby={[errorId("planChange"), "f-planChange-hint"].filter(Boolean).join(" ")}
                  />
                </Field>
                <Field
                  name="planDue"
                  label={t("eval.planDue")}
                  type="date"
                  required
                  min={data.minDate}
                  max={data.maxDate}
                  defaultValue={fields.planDue ?? ""}
                  error={errors.planDue}
                />
                <Field name="planEvidence" label={t("eval.planEvidence")} hint={t("eval.planEvidenceHint")} error={errors.planEvidence}>
                  <textarea
                    id="f-planEvidence"
                    name="planEvidence"
                    required
                    maxLength={500}
                    defaultValue={fields.planEvidence ?? ""}
                    aria-invalid={errors.planEvidence ? true : undefined}
                    aria-describedby={[errorId("planEvidence"), "f-planEvidence-hint"].filter(Boolean).join(" ")}
                  />
                </Field>
              </fieldset>
              <p>
                <button type="submit" className="button">
                  {data.submitted ? t("eval.update") : t("eval.submit")}
                </button>
              </p>
            </Form>
          )}
        </>
      )}
    </section>
  );
}

function ReadOnlyEvaluation({ fields, submitted, planDue }: { fields: EvaluationFields; submitted: string; planDue: string | null }) {
  const t = useT();
  const facts: [string, string][] = [
    ...SURVEY_QUESTIONS.map((q): [string, string] => [t(`eval.q.${q}`), fields[q] ? t(`eval.scale.${fields[q] as "1"}`) : "–"]),
    ...(fields.comment ? [[t("eval.comment"), fields.comment] as [string, string]] : []),
    [t("eval.planChange"), fields.planChange ?? ""],
    [t("eval.planDue"), planDue ?? ""],
    [t("eval.planEvidence"), fields.planEvidence ?? ""],
  ];
  return (
    <div className="card">
      <p>{t("eval.lockedNote", { date: submitted })}</p>
      <dl className="facts">
        {facts.map(([term, value]) => (
          <Fragment key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </Fragment>
        ))}
      </dl>
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => pageTitle(matches, "eval.title");
