import type { turnFeedback } from "~/content/exercise-page.server";
import { useT } from "~/utils/i18n";

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
export function TurnFeedback({ turn, targetSeconds, number }: { turn: Feedback; targetSeconds: number | null; number?: number }) {
  const t = useT();
  const evidence = (list: string[]) => (list.length ? <div className="meta">{t("exercise.evidence", { text: list.map((x) => `“${x}”`).join(", ") })}</div> : null);
  return (
    <section className="feedback" aria-label={number ? t("exercise.feedbackTurn", { n: number }) : t("exercise.feedback")}>
      <p className={`badge ${turn.passed ? "ok" : "bad"}`}>{t("exercise.turnScore", { score: turn.score, result: t(turn.passed ? "exercise.passed" : "exercise.failed") })}</p>
      {turn.replySeconds !== null ? (
        <p className="meta muted">
          {t("exercise.replyTime", { seconds: turn.replySeconds })}
          {targetSeconds ? ` — ${t(turn.replySeconds <= targetSeconds ? "exercise.onTime" : "exercise.late")}` : ""}
        </p>
      ) : null}
      <ul className="elements">
        {turn.violated.map((e) => (
          <li key={`v-${e.id}`} className="el-bad">
            <strong>⚠ {t("exercise.violated")}:</strong> {e.label}
            {evidence(e.evidence)}
            <div className="tip">{e.tip}</div>
          </li>
        ))}
        {turn.missed.map((e) => (
          <li key={`m-${e.id}`} className="el-missed">
            <strong>✗ {t("exercise.missed")}:</strong> {e.label}
            <div className="tip">{e.tip}</div>
          </li>
        ))}
        {turn.met.map((e) => (
          <li key={`ok-${e.id}`} className="el-ok">
            <strong>✓ {t("exercise.met")}:</strong> {e.label}
            {evidence(e.evidence)}
          </li>
        ))}
      </ul>
    </section>
  );
}
