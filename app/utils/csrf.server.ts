import { plainTextAnswer } from "./i18n.server";

// Resource routes (/keluar, /bahasa) have no page around them: this body is what the reader sees.
const refuse = (request: Request) => plainTextAnswer(request, "error.crossSite", { status: 403 });

/**
 * SameSite=Lax already keeps the session cookie off cross-site POSTs; this Origin check
 * is the second layer. Browsers send Origin on every POST (and Sec-Fetch-Site on every
 * request); command-line tools send neither and are allowed, since they hold no victim's cookie.
 */
export function assertSameOrigin(request: Request) {
  if (request.method === "GET" || request.method === "HEAD") return;
  const fetchSite = request.headers.get("sec-fetch-site");
  if (fetchSite === "cross-site" || fetchSite === "same-site") throw refuse(request);
  const origin = request.headers.get("origin");
  if (origin === null) return;
  if (origin === "null") throw refuse(request);
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    throw refuse(request);
  }
  if (originHost !== host) throw refuse(request);
}
