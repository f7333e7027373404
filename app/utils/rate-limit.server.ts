import { eq, lt, sql } from "drizzle-orm";
import { rateLimits } from "../../db/schema";
import { getDb, type Db } from "./db.server";

export { clientIp } from "./client-address.server";

/**
 * Sign-in limits. Failures are counted per (account, address) and per address; reaching either
 * refuses that pair or address for the window. Per account (from any address) failures only slow
 * the attempts down: a stranger who knows an e-mail cannot lock its owner out (probe finding 4).
 */
export const SIGN_IN_LIMITS = {
  perPair: 5,
  perIp: 30,
  /** Failures on one account from anywhere before each further attempt is delayed. */
  slowAfter: 10,
  maxDelayMs: 3000,
  windowMs: 15 * 60 * 1000,
};

const windowStartOf = (now: Date, windowMs: number) => new Date(Math.floor(now.getTime() / windowMs) * windowMs);

/** Records one hit on `key` in the current fixed window, atomically; returns the window's hits including this one. */
export async function hit(key: string, windowMs: number, now = new Date(), db?: Db): Promise<number> {
  const conn = db ?? (await getDb());
  const windowStart = windowStartOf(now, windowMs);
  const [row] = await conn
    .insert(rateLimits)
    .values({ key, windowStart, hits: 1 })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        hits: sql`case when ${rateLimits.windowStart} = excluded.window_start then ${rateLimits.hits} + 1 else 1 end`,
        windowStart: sql`excluded.window_start`,
      },
    })
    .returning({ hits: rateLimits.hits });
  return row?.hits ?? 1;
}

/** Hits recorded on `key` in the current window, without adding one. */
export async function hitsSoFar(key: string, windowMs: number, now = new Date()): Promise<number> {
  const db = await getDb();
  const [row] = await db.select().from(rateLimits).where(eq(rateLimits.key, key)).limit(1);
  return row && row.windowStart.getTime() === windowStartOf(now, windowMs).getTime() ? row.hits : 0;
}

export async function clearHits(key: string) {
  const db = await getDb();
  await db.delete(rateLimits).where(eq(rateLimits.key, key));
}

/** A generic limiter: records a hit and says whether the caller is still within `limit` per `windowMs`. */
export async function allowHit(key: string, limit: number, windowMs: number): Promise<boolean> {
  return (await hit(key, windowMs)) <= limit;
}

/** Drops counters of windows long gone (the server runs this on a timer). */
export async function deleteOldRateLimits(db: Db, now = new Date()) {
  await db.delete(rateLimits).where(lt(rateLimits.windowStart, new Date(now.getTime() - 24 * 3600 * 1000)));
}

export const signInKeys = (email: string, ip: string | null) => ({
  pair: `signin-pair:${email.toLowerCase()}|${ip ?? "?"}`,
  ip: ip ? `signin-ip:${ip}` : null,
  account: `signin-account:${email.toLowerCase()}`,
});

/** Refused outright: this address tried this account, or anything, too often. */
export async function isSignInBlocked(email: string, ip: string | null, now = new Date()): Promise<boolean> {
  const keys = signInKeys(email, ip);
  const [pair, byIp] = await Promise.all([hitsSoFar(keys.pair, SIGN_IN_LIMITS.windowMs, now), keys.ip ? hitsSoFar(keys.ip, SIGN_IN_LIMITS.windowMs, now) : 0]);
  return pair >= SIGN_IN_LIMITS.perPair || byIp >= SIGN_IN_LIMITS.perIp;
}

/** How long to hold this attempt back: grows with the account's failures from everywhere, never a lockout. */
export async function signInDelayMs(email: string, now = new Date()): Promise<number> {
  const failures = await hitsSoFar(signInKeys(email, null).account, SIGN_IN_LIMITS.windowMs, now);
  const over = failures - SIGN_IN_LIMITS.slowAfter;
  return over < 0 ? 0 : Math.min(SIGN_IN_LIMITS.maxDelayMs, 250 * 2 ** Math.min(over, 8));
}

export async function recordSignInFailure(email: string, ip: string | null) {
  const keys = signInKeys(email, ip);
  await Promise.all([
    hit(keys.pair, SIGN_IN_LIMITS.windowMs),
    keys.ip ? hit(keys.ip, SIGN_IN_LIMITS.windowMs) : null,
    hit(keys.account, SIGN_IN_LIMITS.windowMs),
  ]);
}

export async function clearSignInFailures(email: string, ip: string | null) {
  await clearHits(signInKeys(email, ip).pair);
}

/** SSO ASN callbacks that fail (bad state, refused code, unknown account) count per address like failed sign-ins. */
const ssoKey = (ip: string | null) => `sso-ip:${ip ?? "?"}`;

export async function isSsoBlocked(ip: string | null, now = new Date()): Promise<boolean> {
  return (await hitsSoFar(ssoKey(ip), SIGN_IN_LIMITS.windowMs, now)) >= SIGN_IN_LIMITS.perIp;
}

export async function recordSsoFailure(ip: string | null) {
  await hit(ssoKey(ip), SIGN_IN_LIMITS.windowMs);
}
