import { useEffect, useState } from "react";
import { useT } from "~/utils/i18n";

/**
 * Copies `text` to the clipboard. Rendered only once JavaScript runs (without it the button could
 * do nothing); the text next to it stays selectable either way. Says "copied" in a live region.
 */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const t = useT();
  const [ready, setReady] = useState(false);
  const [copied, setCopied] = useState(false);
  useEffect(() => setReady(typeof navigator !== "undefined" && !!navigator.clipboard), []);
  if (!ready) return null;
  return (
    <button
      type="button"
      className="button small secondary"
      aria-label={label}
      onClick={() => {
        void navigator.clipboard.writeText(text).then(() => {
          setCopied(true);
          setTimeout(() => setCopied(false), 2000);
        });
      }}
    >
      <span aria-live="polite">{copied ? t("copy.done") : t("copy.action")}</span>
    </button>
  );
}
