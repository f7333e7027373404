import type { Translate } from "~/i18n";
import { useT } from "~/utils/i18n";

/** One review reason in words: "integrity:copy" → "Sinyal integritas: copy". */
export function reasonText(t: Translate, reason: string): string {
  if (reason === "low-similarity") return t("review.reason.lowSimilarity");
  if (reason === "fact-unresolved") return t("review.reason.factUnresolved");
  if (reason === "sample") return t("review.reason.sample");
  if (reason.startsWith("integrity:")) return t("review.reason.integrity", { check: reason.slice("integrity:".length) });
  if (reason.startsWith("tone:")) return t("review.reason.tone", { note: reason.slice("tone:".length) });
  return reason;
}

export function ReviewReasons({ reasons }: { reasons: readonly string[] }) {
  const t = useT();
  return (
    <span className="row">
      {reasons.map((r) => (
        <span key={r} className="badge warn">
          {reasonText(t, r)}
        </span>
      ))}
    </span>
  );
}
