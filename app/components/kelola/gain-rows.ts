/**
 * The body rows of a learning-gain table as one HTML string: a province's per-unit table has
 * ~2,000 rows, and rendering them as ~10,000 React elements was most of the dashboard's server
 * CPU. The markup is exactly what React renders for the same rows (gain-rows.test.tsx checks it
 * against React), text escaped as React escapes it.
 */

/** A mean and its number of learners, as a pair: a compact cell of the page data. */
export type MeanCells = readonly [mean: number, learners: number] | null;
/** One row: its name (course or unit), pre-test, final quiz. */
export type GainCells = readonly [name: string, pre: MeanCells, post: MeanCells];

const SPECIAL = /["&'<>]/g;
const ENTITIES: Record<string, string> = { '"': "&quot;", "&": "&amp;", "'": "&#x27;", "<": "&lt;", ">": "&gt;" };

/** Text for HTML content, as React's server renderer escapes it. */
export function escapeHtmlText(text: string): string {
  return text.replace(SPECIAL, (c) => ENTITIES[c]!);
}

/** The gain column: final minus pre-test mean, signed, or "–" without both. */
export function gainText(pre: MeanCells, post: MeanCells): string {
  if (!pre || !post) return "–";
  const gain = post[0] - pre[0];
  return `${gain >= 0 ? "+" : ""}${gain}`;
}

/** `<tr><th scope="row">name</th><td>pre</td><td>post</td><td>gain</td></tr>` per row; `meanText` formats a cell ("48% (91 peserta)"). */
export function gainRowsHtml(rows: readonly GainCells[], meanText: (mean: number, learners: number) => string): string {
  const cell = (m: MeanCells) => escapeHtmlText(m ? meanText(m[0], m[1]) : "–");
  let html = "";
  for (const [name, pre, post] of rows)
    html += `<tr><th scope="row">${escapeHtmlText(name)}</th><td>${cell(pre)}</td><td>${cell(post)}</td><td>${escapeHtmlText(gainText(pre, post))}</td></tr>`;
  return html;
}
