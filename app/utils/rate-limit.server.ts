import { and, count, eq, gte, inArray, lt } from "drizzle-orm";
import { authFailures } from "../../db/schema";
import { getDb } from "./db.server";

/** Failed sign-ins allowed per window. State lives in Postgres so every app process agrees. */
export const SIGN_IN_LIMITS = { perAccount: 5, perIp: 30, windowMs: 15 * 60 * 1000 };

export function signInKeys(email: string, ip: string | null): string[] {
  return [`email:${email.toLowerCase()}`, ...(ip ? [`ip:${ip}`] : [])];
}

export async function isSignInBlocked(email: string, ip: string | null, now = new Date()): Promise<boolean> {
  const db = await getDb();
  const since = new Date(now.getTime() - SIGN_IN_LIMITS.windowMs);
  const rows = await db
    .select({ key: authFailures.key, n: count() })
    .from(authFailures)
    .where(and(inArray(authFailures.key, signInKeys(email, ip)), gte(authFailures.createdAt, since)))
    .groupBy(authFailures.key);
  return rows.some((r) => r.n >= (r.key.startsWith("ip:") ? SIGN_IN_LIMITS.perIp : SIGN_IN_LIMITS.perAccount));
}

export async function recordSignInFailure(email: string, ip: string | null) {
  const db = await getDb();
  await db.insert(authFailures).values(signInKeys(email, ip).map((key) => ({ key })));
  // Keep the table small: drop rows far outside any window.
  await db.delete(authFailures).where(lt(authFailures.createdAt, new Date(Date.now() - 24 * 3600 * 1000)));
}

export async function clearAccountFailures(email: string) {
  const db = await getDb();
  await db.delete(authFailures).where(eq(authFailures.key, `email:${email.toLowerCase()}`));
}

export { clientIp } from "./client-address.server";


/**
 * A generic fixed-window limiter on the same table (rows keyed "<bucket>:<who>"): records a hit
 * and reports whether the caller is still within `limit` hits per `windowMs`.
 */
export async function allowHit(key: string, limit: number, windowMs: number): Promise<boolean> {
  const db = await getDb();
  const since = new Date(Date.now() - windowMs);
  const [row] = await db
    .select({ n: count() })
    .from(authFailures)
    .where(and(eq(authFailures.key, key), gte(authFailures.createdAt, since)));
  if ((row?.n ?? 0) >= limit) return false;
  await db.insert(authFailures).values({ key });
  return true;
}
