import type { ReactNode } from "react";

/**
 * Horizontal scroller for a wide table. A table of plain text has nothing to Tab to, so the
 * scroller itself is a named, focusable region: keyboard users can scroll it with the arrow keys.
 */
export function TableWrap({ labelledBy, children }: { labelledBy: string; children: ReactNode }) {
  return (
    <div className="table-wrap" role="region" aria-labelledby={labelledBy} tabIndex={0}>
      {children}
    </div>
  );
}
