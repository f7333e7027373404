import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import type { loadPostPage, PostActionResult } from "~/exercises/post.server";
import { MAX_REPLY_CHARS } from "~/exercises/limits";
import { formatDateTime } from "~/utils/dates";
import { useLang, useT } from "~/utils/i18n";
import type { Serialized } from "~/utils/serialized";
import { MdxContent } from "../mdx-content";
import { ReplyTimer } from "./reply-timer";
import { GradeChangeNotes, ReviewNotices } from "./review-notices";
import { HighlightedReply, TurnFeedback } from "./turn-feedback";

type PostPageData = Serialized<Awaited<ReturnType<typeof loadPostPage>>>;
type Failed = Extract<PostActionResult, { error: string }>;

/** The post rewrite: the ceremonial post, the facts, one text to write; after sending, the explained grade. */
export function PostRewrite({ data }: { data: PostPageData }) {
  const t = useT();
  const lang = useLang();
  const { post, form, result, history } = data;
  const failed = useActionData<Failed>();
  const navigation = useNavigation();
  const sending = navigation.state !== "idle" && navigation.formData?.get("intent") === "rewrite";
  return (
    <article className="stack post-exercise">
      <p>
        <Link to={`/kursus/${post.courseSlug}`}>← {post.courseTitle}</Link>
      </p>
      <h1>{post.title}</h1>
      <ReviewNotices notices={data.reviewNotices} slug={post.slug} />
      <section className="card">
        <h2>{t("exercise.briefing")}</h2>
        <MdxContent html={post.briefingHtml} />
      </section>
      <section className="claim-card post-card" aria-labelledby="original-h">
        <h2 id="original-h">{t("post.original")}</h2>
        <p className="meta">
          {post.account} · {t(`post.channel.${post.channel}`)}
        </p>
        <p className="claim-text" lang="id">
          {post.original.text}
        </p>
        {post.original.image ? <p className="meta">{t("post.originalImage", { description: post.original.image })}</p> : null}
      </section>
      <div className="grid-2">
        <section className="card" aria-labelledby="facts-h">
          <h2 id="facts-h">{t("post.context")}</h2>
          <ul>
            {post.context.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
        </section>
        <section className="card" aria-labelledby="image-h">
          <h2 id="image-h">{t("post.newImage")}</h2>
          <p>{post.image}</p>
        </section>
      </div>

      {result ? (
        <PostResult result={result} passPercent={post.passPercent} slug={post.slug} />
      ) : (
        <Form method="post" className="card reply-form" key={form.key}>
          <input type="hidden" name="intent" value="rewrite" />
          <input type="hidden" name="key" value={form.key} />
          <input type="hidden" name="shownAt" value={form.shownAt} />
          {failed?.error ? (
            <div className="alert error" role="alert">
              {t(failed.error)}
            </div>
          ) : null}
          <label htmlFor="rewrite">{t("post.yourRewrite")}</label>
          <p className="hint" id="rewrite-hint">
            {t("post.rewriteHint")}
          </p>
          <textarea
            id="rewrite"
            name="rewrite"
            rows={12}
            maxLength={MAX_REPLY_CHARS}
            defaultValue={failed?.rewrite ?? ""}
            aria-invalid={failed?.error ? true : undefined}
            aria-describedby="rewrite-hint reply-timer"
            required
          />
          <div id="reply-timer">
            <ReplyTimer targetSeconds={post.targetSeconds} />
          </div>
          <div className="row">
            <button type="submit" className="button" disabled={sending}>
              {t(sending ? "post.sending" : "post.submit")}
            </button>
          </div>
        </Form>
      )}

      <section className="card">
        <h2>{t("exercise.history")}</h2>
        {history.length === 0 ? <p className="muted">{t("exercise.historyEmpty")}</p> : null}
        <ul className="outline">
          {history.map((h) => (
            <li key={h.id}>
              <span>{t("exercise.attemptRow", { date: formatDateTime(h.startedAt, lang), score: h.score ?? "–" })}</span>
              <span className="row">
                {h.reviewStatus === "pending" ? (
                  <span className="badge warn">{t("exercise.reviewPendingBadge")}</span>
                ) : (
                  <span className={`badge ${h.passed ? "ok" : "bad"}`}>{t(h.passed ? "exercise.passed" : "exercise.failed")}</span>
                )}
                <Link to={`/latihan/${post.slug}?percobaan=${h.id}#hasil`}>{t("exercise.view")}</Link>
              </span>
            </li>
          ))}
        </ul>
      </section>
    </article>
  );
}

function PostResult({ result, passPercent, slug }: { result: NonNullable<PostPageData["result"]>; passPercent: number; slug: string }) {
  const t = useT();
  const passed = result.overridePassed ?? result.passed;
  const awaitingReview = result.reviewStatus === "pending";
  return (
    <section className="card result" id="hasil" aria-labelledby="hasil-h">
      <h2 id="hasil-h">{t("post.resultTitle")}</h2>
      <p className={`alert ${passed && !awaitingReview ? "success" : "info"}`} role="status">
        {t("exercise.total", { score: result.overrideScore ?? result.score, percent: passPercent })}{" "}
        {result.overrideScore !== null ? <span className="meta">({t("grade.original", { score: result.score })}) </span> : null}
        {t(awaitingReview ? "exercise.reviewPending" : passed ? "post.passed" : "post.failed")}
      </p>
      <GradeChangeNotes grade={result} />
      <h3>{t("post.yourText")}</h3>
      <p className="reply-text post-text">
        <HighlightedReply segments={result.feedback.segments} />
      </p>
      <p className="meta muted legend">{t("exercise.legend")}</p>
      <TurnFeedback turn={result.feedback} targetSeconds={null} post />
      <h3>{t("post.modelAnswer")}</h3>
      <blockquote className="model-answer post-text" lang="id">
        {result.modelAnswer}
      </blockquote>
      <Link to={`/latihan/${slug}`} className="button">
        {t("exercise.tryAgain")}
      </Link>
    </section>
  );
}
