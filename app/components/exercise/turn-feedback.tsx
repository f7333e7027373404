import type { turnFeedback } from "~/exercises/dm.server";
import type { MessageKey } from "~/i18n";
import { useIsMessageKey, useLang, useT } from "~/utils/i18n";

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
  /** A post rewrite: one text, not a turn of a chat; no reply time, and checks shared with DMs say "post". */
  post?: boolean;
}) {
  const t = useT();
  const lang = useLang();
  const isMessageKey = useIsMessageKey();
  // Built-in checks (not the grader itself: it stays out of the browser bundle) are the ids with dictionary words.
  const isBuiltinId = (id: string) => isMessageKey(`grader.builtin.${id}.label`) || (post && isMessageKey(`grader.post.${id}.label`));
  // A post's own wording of a shared check ("copies the original post", not "the citizen's message").
  const builtinKey = (id: string, part: "label" | "tip") =>
    (post && isMessageKey(`grader.post.${id}.${part}`) ? `grader.post.${id}.${part}` : `grader.builtin.${id}.${part}`) as MessageKey;
  const evidence = (list: string[]) => (list.length ? <div className="meta">{t(evidenceKey, { text: list.map((x) => `“${x}”`).join(", ") })}</div> : null);
  // Built-in checks have their words in the dictionary (English too); course rubrics keep theirs, in Indonesian.
  const builtin = (e: { id: string }) => lang === "en" && isBuiltinId(e.id);
  const label = (e: { id: string; label: string }) => (builtin(e) ? t(builtinKey(e.id, "label")) : e.label);
  const tip = (e: { id: string; tip: string }) => (builtin(e) ? t(builtinKey(e.id, "tip")) : e.tip);
  const rubricLang = (e: { id: string }) => (lang === "en" && !isBuiltinId(e.id) ? "id" : undefined);
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
            <strong>⚠ {t("exercise.violated")}:</strong> <span lang={rubricLang(e)}>{label(e)}</span>
            {evidence(e.evidence)}
            <div className="tip" lang={rubricLang(e)}>
              {tip(e)}
            </div>
          </li>
        ))}
        {turn.missed.map((e) => (
          <li key={`m-${e.id}`} className="el-missed">
            <strong>✗ {t("exercise.missed")}:</strong> <span lang={rubricLang(e)}>{label(e)}</span>
            <div className="tip" lang={rubricLang(e)}>
              {tip(e)}
            </div>
          </li>
        ))}
        {turn.met.map((e) => (
          <li key={`ok-${e.id}`} className="el-ok">
            <strong>✓ {t("exercise.met")}:</strong> <span lang={rubricLang(e)}>{label(e)}</span>
            {evidence(e.evidence)}
          </li>
        ))}
      </ul>
    </section>
  );
}
