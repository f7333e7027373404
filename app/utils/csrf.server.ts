/**
 * SameSite=Lax already keeps the session cookie off cross-site POSTs; this Origin check
 * is the second layer. Browsers send Origin on every POST; tools without it are allowed.
 */
export function assertSameOrigin(request: Request) {
  if (request.method === "GET" || request.method === "HEAD") return;
  const origin = request.headers.get("origin");
  if (!origin || origin === "null") {
    if (origin === "null") throw new Response("Cross-origin request refused", { status: 403 });
    return;
  }
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    throw new Response("Cross-origin request refused", { status: 403 });
  }
  if (originHost !== host) throw new Response("Cross-origin request refused", { status: 403 });
}
