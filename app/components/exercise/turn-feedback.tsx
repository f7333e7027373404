import type { turnFeedback } from "~/exercises/dm.server";
import type { MessageKey } from "~/i18n";
import { useLang, useT } from "~/utils/i18n";

type Feedback = ReturnType<typeof turnFeedback>;

/** The learner's reply with evidence highlighted (green = met, red = violation). */
export function HighlightedReply({ segments }: { segments: Feedback["segments"] }) {
  return (
    <>
      {segments.map((s, i) => {
        if (s.marks.length === 0) return <span key={i}>{s.text}</span>;
        const violated = s.marks.some((m) => m.status === "violated");
        return (
          <mark key={i} className={violated ? "hl-bad" : "hl-ok"} title={s.marks.map((m) => m.label).join(" · ")}>
            {s.text}
          </mark>
        );
      })}
    </>
  );
}

/**
 * What was met, missed and violated in one reply, with the tip for each.
 * `number` names the region per turn, so a conversation's feedback regions are told apart.
 */
export function TurnFeedback({
  turn,
  targetSeconds,
  number,
  evidenceKey = "exercise.evidence",
  post = false,
}: {
  turn: Feedback;
  targetSeconds: number | null;
  number?: number;
  /** Staff pages read someone else's reply: "Bukti di balasan peserta", not "Anda". */
  evidenceKey?: MessageKey;
  /** A post rewrite: one text, not a turn of a chat; no reply time. */
  post?: boolean;
}) {
  const t = useT();
  const lang = useLang();
  const evidence = (list: string[]) => (list.length ? <div className="meta">{t(evidenceKey, { text: list.map((x) => `“${x}”`).join(", ") })}</div> : null);
  // The grader's own checks arrive in the page's language (turnFeedback); course rubrics keep their Indonesian.
  const rubricLang = (e: { builtin: boolean }) => (lang === "en" && !e.builtin ? "id" : undefined);
  return (
    <section className="feedback" aria-label={number ? t("exercise.feedbackTurn", { n: number }) : t("exercise.feedback")}>
      <p className={`badge ${turn.passed ? "ok" : "bad"}`}>
        {t(post ? "post.score" : "exercise.turnScore", { score: turn.score, result: t(turn.passed ? "exercise.passed" : "exercise.failed") })}
      </p>
      {turn.replySeconds !== null && !post ? (
        <p className="meta muted">
          {t("exercise.replyTime", { seconds: turn.replySeconds })}
          {targetSeconds ? ` — ${t(turn.replySeconds <= targetSeconds ? "exercise.onTime" : "exercise.late")}` : ""}
        </p>
      ) : null}
      <ul className="elements">
        {turn.violated.map((e) => (
          <li key={`v-${e.id}`} className="el-bad">
            <strong>⚠ {t("exercise.violated")}:</strong> <span lang={rubricLang(e)}>{e.label}</span>
            {evidence(e.evidence)}
            <div className="tip" lang={rubricLang(e)}>
              {e.tip}
            </div>
          </li>
        ))}
        {turn.missed.map((e) => (
          <li key={`m-${e.id}`} className="el-missed">
            <strong>✗ {t("exercise.missed")}:</strong> <span lang={rubricLang(e)}>{e.label}</span>
            <div className="tip" lang={rubricLang(e)}>
              {e.tip}
            </div>
          </li>
        ))}
        {turn.met.map((e) => (
          <li key={`ok-${e.id}`} className="el-ok">
            <strong>✓ {t("exercise.met")}:</strong> <span lang={rubricLang(e)}>{e.label}</span>
            {evidence(e.evidence)}
          </li>
        ))}
      </ul>
    </section>
  );
}
