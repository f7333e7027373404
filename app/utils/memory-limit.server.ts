/**
 * A fixed-window hit counter in this process's memory, for the public certificate verification
 * (`/sertifikat`, `/sertifikat/<code>`): a lookup is a read, and the database-backed limiter made
 * every hit — even a mistyped code — a row write on the primary.
 *
 * Trade-off (docs/operations/scale-out.md): the limit holds per app process. Behind a balancer
 * with N instances an address can make up to N × the limit per window, and a restart forgets the
 * counts. That is acceptable here: codes carry a check digit and 60 random bits, so the limit only
 * slows enumeration, which N × 30 a minute cannot make practical. Sign-in limits, which must hold
 * across instances, stay in the database (rate-limit.server.ts).
 */
type Window = { start: number; hits: number };

const windows = new Map<string, Window>();
/** Above this many keys, windows that have ended are dropped; if still above, all are (fail open for one window). */
const MAX_KEYS = 50_000;

/** Records one hit on `key` and says whether it is within `limit` hits in the current `windowMs` window. */
export function allowHitInMemory(key: string, limit: number, windowMs: number, now = Date.now()): boolean {
  const start = Math.floor(now / windowMs) * windowMs;
  let window = windows.get(key);
  if (!window || window.start !== start) {
    if (!window && windows.size >= MAX_KEYS) sweep(now, windowMs);
    window = { start, hits: 0 };
    windows.set(key, window);
  }
  window.hits++;
  return window.hits <= limit;
}

function sweep(now: number, windowMs: number) {
  for (const [key, w] of windows) if (w.start + windowMs <= now) windows.delete(key);
  if (windows.size >= MAX_KEYS) windows.clear();
}

/** For tests: forget every count. */
export function resetMemoryLimits() {
  windows.clear();
}
