import { randomBytes } from "node:crypto";
import { Writable } from "node:stream";
import type { EntryContext } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { renderToPipeableStream } from "react-dom/server";
import { checkContentOnce } from "~/content/check.server";
import { getSyncedContentTree } from "~/content/sync.server";
import { enqueueDueReminders } from "~/mail/reminders.server";
import { onMailTick, startMailQueue, stopMailQueue } from "~/mail/queue.server";
import { currentIssuerKey } from "~/models/credential.server";
import { closeDb, getDb } from "~/utils/db.server";
import { deleteOldRateLimits } from "~/utils/rate-limit.server";
import { deleteExpiredSessions, isHttps } from "~/utils/session.server";
import { env } from "~/utils/env.server";
import { NonceContext } from "~/utils/nonce";
import { withoutServerHtml } from "~/utils/server-html";

const ABORT_DELAY = 5_000;

/**
 * Called once by app/cli/serve.ts before it listens: opens (and migrates) the database so a
 * locked or unwritable data directory stops the start with one clear line instead of failing
 * the first request.
 */
export async function startup() {
  const db = await getDb();
  await getDb();
  // The Open Badges signing key is made on the first start (decision 015), not by the first download.
  await currentIssuerKey(db);
  // The mail queue and its minute tick run in every server process; pg-boss hands each job to one
  // of them and the messages' unique keys stop a reminder from going out twice (decision 019).
  onMailTick(enqueueDueReminders);
  try {
    await startMailQueue();
  } catch (error) {
    console.warn(`[sigap] mail queue not started: ${error instanceof Error ? error.message : String(error)}`);
  }
  // Expired sessions and old rate-limit windows are swept here, not by whoever signs in next.
  const sweep = async () => {
    try {
      const db = await getDb();
      await deleteExpiredSessions(db);
      await deleteOldRateLimits(db);
    } catch (error) {
      console.warn(`[sigap] cleanup skipped: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  await sweep();
  setInterval(sweep, 15 * 60 * 1000).unref();
  // The studio's content check takes seconds (every DM example is graded): start it now, in the
  // background, so the first instructor to open /studio does not wait for all of it.
  void getSyncedContentTree()
    .then(checkContentOnce)
    .catch((error: unknown) => console.warn(`[sigap] content check skipped at start: ${error instanceof Error ? error.message : String(error)}`));
}

// remix-serve keeps running while a database handle is open: close it and exit on signals.
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.once(signal, () => {
    const timer = setTimeout(() => process.exit(0), 3000);
    timer.unref();
    stopMailQueue()
      .catch(() => {})
      .then(() => closeDb())
      .catch(() => {})
      .finally(() => process.exit(0));
  });
}

/** Security headers for every document response. */
export function securityHeaders(headers: Headers, nonce: string, request: Request) {
  headers.set(
    "Content-Security-Policy",
    [
      "default-src 'self'",
      `script-src 'self' 'nonce-${nonce}'`,
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data:",
      "connect-src 'self'" + (env.isProduction ? "" : " ws://localhost:*"),
      "frame-ancestors 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "object-src 'none'",
    ].join("; "),
  );
  headers.set("Referrer-Policy", "strict-origin-when-cross-origin");
  headers.set("X-Content-Type-Options", "nosniff");
  headers.set("X-Frame-Options", "DENY");
  // Browsers honour HSTS only over HTTPS; on plain http://<lan-ip>:3000 it would only mislead.
  if (isHttps(request)) {
    headers.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  }
}

/**
 * Renders the whole document, then answers it in one piece. Sigap's pages have no deferred data,
 * so streaming the shell gained nothing, while React's many small chunks each cost a socket write
 * (≈ 13 % of a page's CPU in a profile). Bots and browsers alike wait for everything (onAllReady).
 */
export default function handleRequest(request: Request, responseStatusCode: number, responseHeaders: Headers, remixContext: EntryContext) {
  const nonce = randomBytes(16).toString("base64");
  // The lesson HTML is in the markup already: not a second time in the page data.
  if (remixContext.serverHandoffString) {
    remixContext.serverHandoffString = withoutServerHtml(remixContext.serverHandoffString, remixContext.staticHandlerContext.loaderData);
  }
  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceContext.Provider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
      </NonceContext.Provider>,
      {
        nonce,
        onShellReady() {
          shellRendered = true;
        },
        onAllReady() {
          clearTimeout(timer);
          const chunks: Buffer[] = [];
          const body = new Writable({
            write(chunk: Buffer, _encoding, done) {
              chunks.push(chunk);
              done();
            },
            final(done) {
              responseHeaders.set("Content-Type", "text/html; charset=utf-8");
              securityHeaders(responseHeaders, nonce, request);
              resolve(new Response(Buffer.concat(chunks), { headers: responseHeaders, status: responseStatusCode }));
              done();
            },
          });
          pipe(body);
        },
        onShellError(error: unknown) {
          clearTimeout(timer);
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          // A shell error reaches onShellError (and Remix logs it); later ones are logged here.
          if (shellRendered) console.error(error);
        },
      },
    );
    const timer = setTimeout(abort, ABORT_DELAY);
  });
}

export function handleError(error: unknown, { request }: { request: Request }) {
  if (request.signal.aborted) return;
  console.error(error);
}
