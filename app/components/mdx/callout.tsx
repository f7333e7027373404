import type { ReactNode } from "react";
import { useT } from "~/utils/i18n";

export function Callout({ kind = "tip", children }: { kind?: "tip" | "warning" | "rule"; children: ReactNode }) {
  const t = useT();
  return (
    <aside className={`callout callout-${kind}`}>
      <p className="callout-label">{t(`mdx.callout.${kind}`)}</p>
      <div>{children}</div>
    </aside>
  );
}
