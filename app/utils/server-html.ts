/**
 * Routes whose loader data carries a large rendered `html` string (lesson and course pages) that
 * the server's markup already contains. entry.server.tsx leaves it out of the document's page data
 * (it was half of the lesson page's bytes) and `MdxContent` keeps the server-rendered DOM while
 * the value is empty; client navigations fetch the data with the HTML, as before.
 */
export const SERVER_HTML_ROUTES = ["routes/kursus.$course.$lesson", "routes/kursus.$course._index"] as const;

// The escaping Remix applies to the page data it writes into a <script> (server-runtime markup.js).
const ESCAPES: Record<string, string> = { "&": "\\u0026", ">": "\\u003e", "<": "\\u003c", "\u2028": "\\u2028", "\u2029": "\\u2029" };

/**
 * The page-data string with each listed route's `html` emptied. A string that is not found
 * (another shape of data) is left alone: the page then carries the HTML twice, as it used to.
 */
export function withoutServerHtml(handoff: string, loaderData: Record<string, unknown> | undefined): string {
  let out = handoff;
  for (const id of SERVER_HTML_ROUTES) {
    const html = (loaderData?.[id] as { html?: unknown } | null | undefined)?.html;
    if (typeof html !== "string" || html.length < 256) continue;
    const encoded = `"html":${JSON.stringify(html).replace(/[&><\u2028\u2029]/g, (c) => ESCAPES[c]!)}`;
    const at = out.indexOf(encoded);
    if (at >= 0) out = out.slice(0, at) + '"html":""' + out.slice(at + encoded.length);
  }
  return out;
}
