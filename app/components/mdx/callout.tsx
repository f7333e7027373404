import type { ReactNode } from "react";
import { useMdxT } from "./lesson-context";

export function Callout({ kind = "tip", children }: { kind?: "tip" | "warning" | "rule"; children: ReactNode }) {
  const t = useMdxT();
  return (
    <aside className={`callout callout-${kind}`}>
      <p className="callout-label">{t(`mdx.callout.${kind}`)}</p>
      <div>{children}</div>
    </aside>
  );
}
