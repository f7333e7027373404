import { Form, Link, useActionData } from "@remix-run/react";
import type { loadHoaxPage } from "~/exercises/hoax.server";
import type { HoaxAnswers } from "~/grading/hoax";
import { formatDateTime } from "~/utils/dates";
import { useLang, useT } from "~/utils/i18n";
import { MdxContent } from "../mdx-content";
import { HighlightedReply, TurnFeedback } from "./turn-feedback";
import type { Serialized } from "~/utils/serialized";

type HoaxPageData = Serialized<Awaited<ReturnType<typeof loadHoaxPage>>>;

/** The hoax verification lab: a claim card, then four graded parts in one form (works without JS). */
export function HoaxLab({ data }: { data: HoaxPageData }) {
  const t = useT();
  const lang = useLang();
  const { hoax, options, key, result, history } = data;
  const failed = useActionData<{ error?: "hoax.clarificationEmpty" | "error.badForm"; values?: HoaxAnswers }>();
  const v = failed?.values;
  return (
    <article className="stack hoax-lab">
      <p className="row" style={{ justifyContent: "space-between" }}>
        <Link to={`/kursus/${hoax.courseSlug}`}>← {hoax.courseTitle}</Link>
        <Link to="/kursus/verifikasi-hoaks/cek-list">{t("hoax.checklist")}</Link>
      </p>
      <h1>{hoax.title}</h1>
      <section className="card">
        <MdxContent html={hoax.briefingHtml} />
      </section>
      <section className="claim-card" aria-labelledby="claim-h">
        <h2 id="claim-h">{t("hoax.claimCard")}</h2>
        <p className="meta">
          {t("hoax.from", { sender: hoax.claim.sender })} · {t("hoax.seen", { date: hoax.claim.seen })}
        </p>
        {hoax.claim.forwarded ? <p className="forwarded">↪ {t("hoax.forwarded")}</p> : null}
        <p className="claim-text">{hoax.claim.text}</p>
        {hoax.claim.image ? <img src={hoax.claim.image.src} alt={hoax.claim.image.description} className="claim-image" /> : null}
      </section>

      {result ? <HoaxResult result={result} passPercent={hoax.passPercent} slug={hoax.slug} /> : null}

      {!result ? (
        <Form method="post" className="stack">
          <input type="hidden" name="key" value={key} />
          {failed?.error ? (
            <div className="alert error" role="alert">
              {t(failed.error)}
            </div>
          ) : null}
          <fieldset className="card">
            <legend>{t("hoax.part1")}</legend>
            <p className="hint">{t("hoax.part1Help")}</p>
            <fieldset className="choice-group">
              <legend>{t("hoax.verdict")}</legend>
              {(["hoaks", "benar"] as const).map((verdict) => (
                <label key={verdict} className="choice">
                  <input type="radio" name="verdict" value={verdict} defaultChecked={v?.verdict === verdict} /> {t(`hoax.verdict.${verdict}`)}
                </label>
              ))}
            </fieldset>
            <fieldset className="choice-group">
              <legend>{t("hoax.typeLegend")}</legend>
              {options.types.map((type) => (
                <label key={type} className="choice">
                  <input type="radio" name="type" value={type} defaultChecked={v?.type === type} /> {t(`hoax.type.${type}`)}
                </label>
              ))}
            </fieldset>
          </fieldset>
          <fieldset className="card">
            <legend>{t("hoax.part2")}</legend>
            <p className="hint">{t("hoax.part2Help")}</p>
            {options.flags.map((flag) => (
              <label key={flag} className="choice">
                <input type="checkbox" name="flag" value={flag} defaultChecked={v?.flags.includes(flag)} /> {t(`hoax.flag.${flag}`)}
              </label>
            ))}
          </fieldset>
          <fieldset className="card">
            <legend>{t("hoax.part3")}</legend>
            <p className="hint">{t("hoax.part3Help")}</p>
            <ul className="steps">
              {options.steps.map((step) => {
                const pos = v ? v.steps.indexOf(step.id) + 1 : 0;
                return (
                  <li key={step.id}>
                    <select
                      id={`step-${step.id}`}
                      name={`step:${step.id}`}
                      defaultValue={pos ? String(pos) : ""}
                      aria-label={`${t("hoax.stepOrder")}: ${t(`hoax.step.${step.id}`)}`}
                    >
                      <option value="">{t("hoax.notUsed")}</option>
                      {options.steps.map((_, i) => (
                        <option key={i} value={i + 1}>
                          {i + 1}
                        </option>
                      ))}
                    </select>
                    <label htmlFor={`step-${step.id}`}>
                      {t(`hoax.step.${step.id}`)} <span className="meta muted">({t("hoax.pillar", { pillar: t(`hoax.pillar.${step.pillar}`) })})</span>
                    </label>
                  </li>
                );
              })}
            </ul>
          </fieldset>
          <fieldset className="card">
            <legend>{t("hoax.part4")}</legend>
            <label htmlFor="clarification" className="hint">
              {t("hoax.part4Help")}
            </label>
            <textarea
              id="clarification"
              name="clarification"
              defaultValue={v?.clarification ?? ""}
              maxLength={4000}
              aria-invalid={failed?.error === "hoax.clarificationEmpty" ? true : undefined}
            />
          </fieldset>
          <button type="submit" className="button">
            {t("hoax.submit")}
          </button>
        </Form>
      ) : null}

      {history.length ? (
        <section className="card">
          <h2>{t("exercise.history")}</h2>
          <ul className="outline">
            {history.map((h) => (
              <li key={h.id}>
                <span>{t("exercise.attemptRow", { date: formatDateTime(h.startedAt, lang), score: h.score ?? "–" })}</span>
                <span className="row">
                  <span className={`badge ${h.passed ? "ok" : "bad"}`}>{t(h.passed ? "exercise.passed" : "exercise.failed")}</span>
                  <Link to={`/latihan/${hoax.slug}?percobaan=${h.id}#hasil`}>{t("exercise.view")}</Link>
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  );
}

function HoaxResult({ result, passPercent, slug }: { result: NonNullable<HoaxPageData["result"]>; passPercent: number; slug: string }) {
  const t = useT();
  const steps = (list: readonly string[]) => (list.length ? list.map((s) => t(`hoax.step.${s as "check-date"}`)).join(" → ") : t("hoax.none"));
  const passed = result.overridePassed ?? result.passed;
  return (
    <section className="stack" id="hasil" aria-labelledby="hasil-h">
      <div className="card">
        <h2 id="hasil-h">{t("hoax.resultTitle")}</h2>
        <p className={`alert ${passed ? "success" : "info"}`} role="status">
          {t("hoax.total", { score: result.overrideScore ?? result.score, percent: passPercent })}{" "}
          {result.overrideScore !== null ? <span className="meta">({t("grade.original", { score: result.score })}) </span> : null}
          {t(passed ? "hoax.passed" : "hoax.failed")}
        </p>
        {result.overrideScore !== null ? (
          <p className="alert info">
            {t("exercise.override", { score: result.overrideScore, result: t(result.overridePassed ? "exercise.passed" : "exercise.failed") })}
            {result.overrideComment ? ` ${t("exercise.overrideComment", { comment: result.overrideComment })}` : ""}
          </p>
        ) : null}
        <h3>{t("hoax.facts")}</h3>
        <p>{result.facts.summary}</p>
        <p className="meta">{t("hoax.source", { source: result.facts.source })}</p>
      </div>
      <div className="card">
        <h3>{t("hoax.part1")}</h3>
        <p className="badge">{t("hoax.partScore", { score: result.classify.score })}</p>
        <ul className="elements">
          <li className={result.classify.verdictCorrect ? "el-ok" : "el-bad"}>
            {t("hoax.youChose", { choice: result.answers.verdict ? t(`hoax.verdict.${result.answers.verdict}`) : t("hoax.none") })} —{" "}
            {t("hoax.answerIs", { answer: t(`hoax.verdict.${result.classify.expectedVerdict}`) })}
          </li>
          <li className={result.classify.typeCorrect ? "el-ok" : "el-bad"}>
            {t("hoax.youChose", { choice: result.answers.type ? t(`hoax.type.${result.answers.type}`) : t("hoax.none") })} —{" "}
            {t("hoax.answerIs", { answer: t(`hoax.type.${result.classify.expectedType}`) })}
          </li>
        </ul>
        <p>{result.classify.explanation}</p>
      </div>
      <div className="card">
        <h3>{t("hoax.part2")}</h3>
        <p className="badge">{t("hoax.partScore", { score: result.flags.score })}</p>
        <ul className="elements">
          {result.flags.items
            .filter((f) => f.selected || f.present)
            .map((f) => {
              const status = f.present ? (f.selected ? "hoax.flagHit" : "hoax.flagMiss") : "hoax.flagFalse";
              return (
                <li key={f.id} className={status === "hoax.flagHit" ? "el-ok" : status === "hoax.flagMiss" ? "el-missed" : "el-bad"}>
                  <strong>{t(`hoax.flag.${f.id}`)}</strong> — {t(status)}
                  {f.note ? <div className="tip">{f.note}</div> : null}
                </li>
              );
            })}
        </ul>
      </div>
      <div className="card">
        <h3>{t("hoax.part3")}</h3>
        <p className="badge">{t("hoax.partScore", { score: result.plan.score })}</p>
        <p>{t("hoax.yourPlan", { steps: steps(result.plan.chosen) })}</p>
        <p>{t("hoax.expectedPlan", { steps: steps(result.plan.expected) })}</p>
        {result.plan.orderPairs ? <p className="meta">{t("hoax.planOrder", { correct: result.plan.orderCorrect, pairs: result.plan.orderPairs })}</p> : null}
        {result.plan.extra.length ? <p className="meta">{t("hoax.extraSteps", { steps: steps(result.plan.extra) })}</p> : null}
        <p>{result.plan.explanation}</p>
      </div>
      <div className="card">
        <h3>{t("hoax.part4")}</h3>
        <p className="reply-text">
          <HighlightedReply segments={result.clarification.segments} />
        </p>
        <TurnFeedback
          turn={{ ...result.clarification, turnId: "klarifikasi", at: null, citizenMessage: "", reply: result.answers.clarification, replySeconds: null }}
          targetSeconds={null}
        />
        <h4>{t("hoax.modelAnswer")}</h4>
        <blockquote className="model-answer">{result.modelAnswer}</blockquote>
      </div>
      <p>
        <Link to={`/latihan/${slug}`} className="button">
          {t("exercise.tryAgain")}
        </Link>
      </p>
    </section>
  );
}
