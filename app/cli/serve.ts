/**
 * `npm run serve` (part of `npm start`): Sigap's own HTTP server in front of the Remix build.
 * One place for what remix-serve could not do: hand the socket address to the app (per-address
 * limits trust X-Forwarded-For only behind `TRUSTED_PROXIES`), refuse an announced oversize body
 * before Remix sees it, serve hashed assets as immutable, and shut down cleanly.
 * `npm run build` bundles this file into build/server.js (esbuild, packages left external) and
 * `npm run serve` runs that with plain node: compiling it through tsx at every start took most of
 * the start time and a loader thread's memory for the process's whole life (decision 023).
 */
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createReadableStreamFromReadable, createRequestHandler, installGlobals, type ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import type { RequestContext } from "../utils/auth.server";
import { loadEnv } from "../utils/env.server";

// The largest body any route accepts (the staff import's cap plus its form fields); routes set tighter limits.
const MAX_ANNOUNCED_BODY = 3 * 1024 * 1024;

installGlobals();
const config = loadEnv();
process.env.NODE_ENV ??= "production";
const buildPath = path.resolve(config.BUILD_DIR ?? "build", "index.js");
const build = (await import(pathToFileURL(buildPath).href)) as ServerBuild;

try {
  await (build.entry.module as { startup?: () => Promise<void> }).startup?.();
} catch (error) {
  // The build bundles its own copy of the error class: recognise it by name.
  if ((error as Error).name !== "DataDirError") throw error;
  console.error(`[sigap] ${(error as Error).message}`);
  process.exit(1);
}

const app = express();
app.disable("x-powered-by");
// Behind trusted proxies, req.protocol (and so the Request URL Remix builds) follows X-Forwarded-Proto.
if (config.TRUSTED_PROXIES > 0) app.set("trust proxy", config.TRUSTED_PROXIES);
// Small answers are not worth the CPU (a redirect, a 304); pages and JSON are.
app.use(compression({ threshold: 1024 }));
// Static files only where they live: a page request must not cost a file-system lookup.
// Hashed build assets under /build/, immutable; the few other files of public/ (favicon…) each
// at its own path, read from the directory once at start.
app.use(build.publicPath, express.static(build.assetsBuildDirectory, { immutable: true, maxAge: "1y", index: false, redirect: false }));
const publicDir = path.resolve("public");
const assetsDir = path.resolve(build.assetsBuildDirectory);
for (const entry of existsSync(publicDir) ? readdirSync(publicDir, { withFileTypes: true }) : []) {
  const full = path.join(publicDir, entry.name);
  if (full === assetsDir) continue;
  if (entry.isDirectory()) app.use(`/${entry.name}`, express.static(full, { maxAge: "1h", index: false }));
  else app.get(`/${entry.name}`, (_req, res) => res.sendFile(full, { maxAge: "1h" }));
}
app.use((req, res, next) => {
  const announced = Number(req.headers["content-length"] ?? 0);
  if (announced > MAX_ANNOUNCED_BODY) {
    res.status(413).set({ "Content-Type": "text/plain; charset=utf-8", Connection: "close" }).end("Kiriman terlalu besar. / Request body too large.\n");
    return;
  }
  next();
});
const handleRequest = createRequestHandler(build, process.env.NODE_ENV);
app.all("*", async (req, res, next) => {
  try {
    // One context per HTTP request: its loaders share the session lookup through it (auth.server).
    const context: RequestContext = { clientAddress: req.socket.remoteAddress ?? undefined, perRequest: true };
    const response = await handleRequest(remixRequest(req, res), context);
    await sendResponse(res, response);
  } catch (error) {
    next(error);
  }
});

/** The Fetch Request Remix sees, as @remix-run/express builds it (its helper is not in its types). */
function remixRequest(req: express.Request, res: express.Response): Request {
  // req.hostname follows "trust proxy" but drops the port: take it from X-Forwarded-Host or Host.
  const port = [req.get("X-Forwarded-Host"), req.get("host")].map((h) => Number.parseInt(h?.split(":")[1] ?? "", 10)).find(Number.isSafeInteger);
  const url = new URL(`${req.protocol}://${req.hostname}${port ? `:${port}` : ""}${req.originalUrl}`);
  const headers = new Headers();
  for (const [key, values] of Object.entries(req.headers)) {
    if (values) for (const value of Array.isArray(values) ? values : [values]) headers.append(key, value);
  }
  // Loaders and actions are aborted when the connection closes before the answer was finished.
  let controller: AbortController | null = new AbortController();
  res.on("finish", () => (controller = null));
  res.on("close", () => controller?.abort());
  const init: RequestInit & { duplex?: "half" } = { method: req.method, headers, signal: controller.signal };
  if (req.method !== "GET" && req.method !== "HEAD") {
    init.body = createReadableStreamFromReadable(req);
    init.duplex = "half";
  }
  return new Request(url.href, init);
}

/**
 * Writes a Remix response as @remix-run/express's sendRemixResponse does, but waits for "drain"
 * when the socket (or gzip) is behind: the adapter wrote every chunk at once, so a whole-province
 * export to a slower reader piled up in the server's memory instead of pausing the query batches.
 */
async function sendResponse(res: express.Response, response: Response) {
  res.statusMessage = response.statusText;
  res.status(response.status);
  for (const [key, value] of response.headers.entries()) res.append(key, value);
  if (/text\/event-stream/i.test(response.headers.get("Content-Type") ?? "")) res.flushHeaders();
  if (!response.body) {
    res.end();
    return;
  }
  const reader = response.body.getReader();
  // One listener each for the whole answer (compression routes "drain" to its gzip stream, where a
  // listener per wait could not be removed again): a waiting write is woken by drain or close.
  let wake: (() => void) | null = null;
  const wakeUp = () => wake?.();
  res.on("drain", wakeUp);
  res.on("close", wakeUp);
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      const more = res.write(value);
      // compression's flush: a streamed page's chunks go out as they come (as the adapter did).
      (res as { flush?: () => void }).flush?.();
      if (!more && !res.destroyed) await new Promise<void>((resolve) => (wake = resolve));
      wake = null;
      if (res.destroyed) {
        // The reader went away: stop the producer (an export's query batches) too.
        await reader.cancel();
        return;
      }
    }
    res.end();
  } catch (error) {
    res.destroy(error as Error);
    throw error;
  }
}

const port = config.PORT;
const server = config.HOST ? app.listen(port, config.HOST) : app.listen(port);
server.on("listening", () => console.log(`[sigap] http://localhost:${port}${config.PUBLIC_URL ? ` (public: ${config.PUBLIC_URL})` : ""}`));
server.on("error", (error: NodeJS.ErrnoException) => {
  console.error(error.code === "EADDRINUSE" ? `[sigap] port ${port} is already in use: stop the other server or set PORT` : `[sigap] ${error.message}`);
  process.exit(1);
});
// entry.server.tsx closes the database and exits on SIGTERM/SIGINT; stop taking requests first.
for (const signal of ["SIGTERM", "SIGINT"] as const) process.once(signal, () => server.close());
