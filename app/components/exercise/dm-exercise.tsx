import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import type { loadDmPage } from "~/exercises/dm.server";
import { MAX_REPLY_CHARS } from "~/exercises/limits";
import { formatDateTime } from "~/utils/dates";
import { useLang, useT } from "~/utils/i18n";
import { MdxContent } from "../mdx-content";
import { ReplyTimer } from "./reply-timer";
import { GradeChangeNotes, ReviewNotices } from "./review-notices";
import { HighlightedReply, TurnFeedback } from "./turn-feedback";
import type { Serialized } from "~/utils/serialized";

type DmPageData = Serialized<Awaited<ReturnType<typeof loadDmPage>>>;

function ContextList({ items }: { items: string[] }) {
  return (
    <ul>
      {items.map((c) => (
        <li key={c}>{c}</li>
      ))}
    </ul>
  );
}

/** The DM simulator: chat styled after the channel, one form post per turn. */
export function DmExercise({ data }: { data: DmPageData }) {
  const t = useT();
  const lang = useLang();
  const { exercise, attempt, current, history } = data;
  const failed = useActionData<{ error?: "exercise.replyEmpty" | "exercise.replyTooLong" | "exercise.stale" | "error.badForm"; reply?: string }>();
  const navigation = useNavigation();
  const sending = navigation.state !== "idle" && navigation.formData?.get("intent") === "reply";
  const finished = attempt?.status === "completed";
  const effectivePassed = attempt?.overridePassed ?? attempt?.passed;
  const awaitingReview = attempt?.reviewStatus === "pending";
  return (
    <article className="stack exercise">
      <p>
        <Link to={`/kursus/${exercise.courseSlug}`}>← {exercise.courseTitle}</Link>
      </p>
      <h1>{exercise.title}</h1>
      <ReviewNotices notices={data.reviewNotices} slug={exercise.slug} />
      <div className="grid-2 briefing-wide">
        <section className="card">
          <h2>{t("exercise.briefing")}</h2>
          <MdxContent html={exercise.briefingHtml} />
        </section>
        <section className="card">
          <h2>{t("exercise.context")}</h2>
          <ContextList items={exercise.context} />
        </section>
      </div>
      {/* Phones: the same text folded up, so the citizen's message is on the first screen (CSS picks one). */}
      <details className="card briefing-phone">
        <summary>{t("exercise.briefingToggle")}</summary>
        <h2>{t("exercise.briefing")}</h2>
        <MdxContent html={exercise.briefingHtml} />
        <h2>{t("exercise.context")}</h2>
        <ContextList items={exercise.context} />
      </details>

      <section className={`chat chat-${exercise.channel}`} aria-label={t(`exercise.channel.${exercise.channel}`)}>
        <header className="chat-head">
          <strong>{exercise.persona.name}</strong>
          {exercise.persona.handle ? <span> · {exercise.persona.handle}</span> : null}
          <span className="chat-channel">
            {t(`exercise.channel.${exercise.channel}`)} · {t(exercise.isPublic ? "exercise.public" : "exercise.private")}
          </span>
        </header>
        <ol className="chat-log">
          {attempt?.turns.map((turn, i) => (
            <li key={i} className="chat-turn">
              <div className="msg msg-in">
                {turn.at ? <span className="msg-time">{turn.at}</span> : null}
                <p>{turn.citizenMessage}</p>
              </div>
              <div className="msg msg-out">
                <span className="msg-time">{t("exercise.you")}</span>
                <p className="reply-text">
                  <HighlightedReply segments={turn.segments} />
                </p>
              </div>
              <TurnFeedback turn={turn} targetSeconds={exercise.targetSeconds} number={i + 1} />
            </li>
          ))}
          {current && !finished ? (
            <li className="chat-turn">
              <div className="msg msg-in" id="balas">
                {current.at ? <span className="msg-time">{current.at}</span> : null}
                <p>{current.message}</p>
              </div>
              {sending ? (
                <p className="typing" role="status">
                  {t("exercise.typing", { name: exercise.persona.name })}
                </p>
              ) : null}
            </li>
          ) : null}
        </ol>
        {attempt?.turns.length ? <p className="meta muted legend">{t("exercise.legend")}</p> : null}
      </section>

      {current && !finished ? (
        <Form method="post" className="card reply-form" key={current.key}>
          <input type="hidden" name="intent" value="reply" />
          <input type="hidden" name="turnId" value={current.turnId} />
          <input type="hidden" name="key" value={current.key} />
          <input type="hidden" name="shownAt" value={current.shownAt} />
          {failed?.error ? (
            <div className="alert error" role="alert">
              {failed.error ? t(failed.error) : null}
            </div>
          ) : null}
          <label htmlFor="reply">{t("exercise.yourReply")}</label>
          <textarea
            id="reply"
            name="reply"
            maxLength={MAX_REPLY_CHARS}
            defaultValue={failed?.reply ?? ""}
            aria-invalid={failed?.error ? true : undefined}
            aria-describedby="reply-timer"
            required
          />
          <div id="reply-timer">
            <ReplyTimer targetSeconds={exercise.targetSeconds} />
          </div>
          <div className="row">
            <button type="submit" className="button" disabled={sending}>
              {t("exercise.send")}
            </button>
          </div>
        </Form>
      ) : null}
      {attempt && !finished ? (
        <Form method="post">
          <input type="hidden" name="intent" value="restart" />
          <button type="submit" className="link-button">
            {t("exercise.restart")}
          </button>
        </Form>
      ) : null}

      {finished && attempt ? (
        <section className="card result" id="hasil" aria-labelledby="hasil-h">
          <h2 id="hasil-h">{t("exercise.resultTitle")}</h2>
          <p className={`alert ${effectivePassed && !awaitingReview ? "success" : "info"}`} role="status">
            {t("exercise.total", { score: attempt.overrideScore ?? attempt.score ?? 0, percent: exercise.passPercent })}{" "}
            {attempt.overrideScore !== null ? <span className="meta">({t("grade.original", { score: attempt.score ?? 0 })}) </span> : null}
            {t(awaitingReview ? "exercise.reviewPending" : effectivePassed ? "exercise.resultPassed" : "exercise.resultFailed")}
          </p>
          <GradeChangeNotes grade={attempt} />
          <h3>{t("exercise.modelAnswer")}</h3>
          {attempt.modelAnswers.map((m) => (
            <blockquote key={m.turnId} className="model-answer">
              {m.modelAnswer}
            </blockquote>
          ))}
          <Link to={`/latihan/${exercise.slug}`} className="button">
            {t("exercise.tryAgain")}
          </Link>
        </section>
      ) : null}

      <section className="card">
        <h2>{t("exercise.history")}</h2>
        {history.length === 0 ? <p className="muted">{t("exercise.historyEmpty")}</p> : null}
        <ul className="outline">
          {history.map((h) => (
            <li key={h.id}>
              <span>
                {t("exercise.attemptRow", { date: formatDateTime(h.startedAt, lang), score: h.score ?? "–" })}
                {h.status === "in_progress" ? ` (${t("exercise.inProgress")})` : null}
              </span>
              <span className="row">
                {h.reviewStatus === "pending" ? (
                  <span className="badge warn">{t("exercise.reviewPendingBadge")}</span>
                ) : h.passed !== null ? (
                  <span className={`badge ${h.passed ? "ok" : "bad"}`}>{t(h.passed ? "exercise.passed" : "exercise.failed")}</span>
                ) : null}
                {h.status === "completed" ? <Link to={`/latihan/${exercise.slug}?percobaan=${h.id}#hasil`}>{t("exercise.view")}</Link> : null}
              </span>
            </li>
          ))}
        </ul>
      </section>
    </article>
  );
}
