/**
 * Where `?ke=` may send a browser after sign-in or a language switch: a path on this site only.
 * It resolves the value the way a browser does (WHATWG URL parsing strips tabs and newlines,
 * reads `\` as `/`, accepts `/\t/host` as `//host`) against a placeholder origin and keeps the
 * result only when the origin did not change. Control characters are refused outright: they
 * would otherwise reach the Location header (a 500) or be silently dropped by the browser.
 */
const PLACEHOLDER = "http://sigap.invalid";

export function safeRedirect(to: unknown, fallback = "/"): string {
  if (typeof to !== "string" || to.length === 0 || to.length > 2048) return fallback;
  if (/[\u0000-\u001f\u007f]/.test(to)) return fallback;
  if (!to.startsWith("/")) return fallback;
  let url: URL;
  try {
    url = new URL(to, PLACEHOLDER);
  } catch {
    return fallback;
  }
  if (url.origin !== PLACEHOLDER) return fallback;
  return url.pathname + url.search + url.hash;
}
