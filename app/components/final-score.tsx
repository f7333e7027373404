import { finalGrade, type GradedAttempt } from "~/learning/final-grade";
import { useT } from "~/utils/i18n";

/** An attempt's one final score, with "nilai awal" beside it when an instructor changed it. */
export function FinalScore({ attempt }: { attempt: GradedAttempt }) {
  const t = useT();
  const g = finalGrade(attempt);
  return (
    <>
      {g.score ?? "–"}
      {g.overridden ? <span className="meta muted"> ({t("grade.original", { score: g.originalScore ?? "–" })})</span> : null}
    </>
  );
}
