/**
 * Routes whose loader data carries a large rendered `html` string (lesson and course pages) that
 * the server's markup already contains. entry.server.tsx leaves it out of the document's page data
 * (it was half of the lesson page's bytes) and `MdxContent` keeps the server-rendered DOM while
 * the value is empty; client navigations fetch the data with the HTML, as before.
 */
export const SERVER_HTML_ROUTES = ["routes/kursus.$course.$lesson", "routes/kursus.$course._index"] as const;

const KEY = '"html":"';

/** End (the closing quote) of the JSON string whose opening quote is at `open`, or -1. */
function jsonStringEnd(text: string, open: number): number {
  for (let quote = text.indexOf('"', open + 1); quote >= 0; quote = text.indexOf('"', quote + 1)) {
    let backslashes = 0;
    while (text.charCodeAt(quote - 1 - backslashes) === 92) backslashes++;
    if (backslashes % 2 === 0) return quote;
  }
  return -1;
}

/**
 * The page-data string with each listed route's `html` emptied. A string that is not found
 * (another shape of data) is left alone: the page then carries the HTML twice, as it used to.
 * The value is found by scanning the page data and checked by parsing it back, not by encoding
 * the HTML the way Remix did and searching for that (≈ 4× the CPU on a lesson).
 */
export function withoutServerHtml(handoff: string, loaderData: Record<string, unknown> | undefined): string {
  let out = handoff;
  for (const id of SERVER_HTML_ROUTES) {
    const html = (loaderData?.[id] as { html?: unknown } | null | undefined)?.html;
    if (typeof html !== "string" || html.length < 256) continue;
    for (let at = out.indexOf(KEY); at >= 0; at = out.indexOf(KEY, at + KEY.length)) {
      const open = at + KEY.length - 1;
      const close = jsonStringEnd(out, open);
      if (close < 0) break;
      // Escaping only lengthens a string; Remix's escapes (\u003c …) are JSON escapes, so parsing gives the loader's string back.
      if (close - open - 1 >= html.length && JSON.parse(out.slice(open, close + 1)) === html) {
        out = out.slice(0, at) + '"html":""' + out.slice(close + 1);
        break;
      }
      at = close - KEY.length + 1;
    }
  }
  return out;
}
