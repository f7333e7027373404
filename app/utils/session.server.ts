/**
 * Sessions, after the Lucia author's guide that replaced Lucia (https://lucia-auth.com): a random
 * token in the cookie, only its SHA-256 in the database, an idle and an absolute timeout, and
 * a browser-session cookie. Nothing else in the app knows how sessions are stored.
 */
import { sha256 } from "@oslojs/crypto/sha2";
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from "@oslojs/encoding";
import { and, eq, lt, or, sql } from "drizzle-orm";
import { agencies, sessions, users, type Role } from "../../db/schema";
import type { AsnKind } from "~/certificates/jp";
import type { Db } from "./db.server";
import { env } from "./env.server";

export const SESSION_COOKIE = "sigap_session";
/** Signed out after this long without a request… */
export const IDLE_TIMEOUT_MS = 12 * 3600 * 1000;
/** …and after this long in any case. */
export const ABSOLUTE_TIMEOUT_MS = 7 * 24 * 3600 * 1000;
// Writing lastSeenAt on every request would make every page a write; a few minutes' slack is fine.
const TOUCH_AFTER_MS = 5 * 60 * 1000;

export type SessionUser = {
  id: string;
  email: string;
  name: string;
  nip: string | null;
  role: Role;
  asnKind: AsnKind;
  agencyId: string;
  agencyName: string;
  agencyPath: string;
};

/** 160 random bits, base32: what the cookie carries. */
export function generateSessionToken(): string {
  const bytes = new Uint8Array(20);
  crypto.getRandomValues(bytes);
  return encodeBase32LowerCaseNoPadding(bytes);
}

/** What the database keeps instead of the token. */
export function sessionIdOf(token: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

export async function createSession(db: Db, userId: string, now = new Date()): Promise<string> {
  const token = generateSessionToken();
  await db
    .insert(sessions)
    .values({ id: sessionIdOf(token), userId, createdAt: now, lastSeenAt: now, expiresAt: new Date(now.getTime() + ABSOLUTE_TIMEOUT_MS) });
  return token;
}

function sessionUserQuery(db: Db) {
  return db
    .select({
      expiresAt: sessions.expiresAt,
      lastSeenAt: sessions.lastSeenAt,
      disabled: users.disabled,
      id: users.id,
      email: users.email,
      name: users.name,
      nip: users.nip,
      role: users.role,
      asnKind: users.asnKind,
      agencyId: users.agencyId,
      agencyName: agencies.name,
      agencyPath: agencies.path,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(agencies, eq(agencies.id, users.agencyId))
    .where(eq(sessions.id, sql.placeholder("id")))
    .limit(1)
    .prepare("sigap_session_user");
}

// The query of nearly every request, built once per database handle (drizzle's SQL building
// was ≈ 5 % of a page's CPU); the database prepares it once per connection too.
const prepared = new WeakMap<Db, ReturnType<typeof sessionUserQuery>>();

/** The user of a live session, or null; an expired or idle session is deleted on sight. One indexed query. */
export async function validateSessionToken(db: Db, token: string, now = new Date()): Promise<SessionUser | null> {
  if (!/^[a-z2-7]{32}$/.test(token)) return null;
  const id = sessionIdOf(token);
  let query = prepared.get(db);
  if (!query) prepared.set(db, (query = sessionUserQuery(db)));
  const [row] = await query.execute({ id });
  if (!row) return null;
  const { expiresAt, lastSeenAt, disabled, ...user } = row;
  if (now >= expiresAt || now.getTime() - lastSeenAt.getTime() >= IDLE_TIMEOUT_MS) {
    await db.delete(sessions).where(eq(sessions.id, id));
    return null;
  }
  if (disabled) return null;
  if (now.getTime() - lastSeenAt.getTime() >= TOUCH_AFTER_MS) await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, id));
  return user;
}

export async function invalidateSession(db: Db, token: string) {
  await db.delete(sessions).where(eq(sessions.id, sessionIdOf(token)));
}

export async function invalidateUserSessions(db: Db, userId: string) {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

/** Deletes sessions past either timeout (run by the server on a timer). */
export async function deleteExpiredSessions(db: Db, now = new Date()) {
  await db.delete(sessions).where(or(lt(sessions.expiresAt, now), lt(sessions.lastSeenAt, new Date(now.getTime() - IDLE_TIMEOUT_MS))));
}

export function readSessionToken(request: Request): string | null {
  const cookie = request.headers.get("cookie") ?? "";
  const match = cookie.match(/(?:^|;\s*)sigap_session=([a-z2-7]+)/);
  return match?.[1] ?? null;
}

/**
 * Secure only when the browser reached us over HTTPS (directly, or through a trusted proxy that
 * says so) or PUBLIC_URL is https: a Secure cookie over plain http://<lan-ip>:3000 is dropped by
 * the browser and the sign-in seems to do nothing.
 */
export function isHttps(request: Request): boolean {
  if (env.publicUrl?.startsWith("https:")) return true;
  if (new URL(request.url).protocol === "https:") return true;
  return env.trustedProxies > 0 && (request.headers.get("x-forwarded-proto") ?? "").split(",")[0]?.trim() === "https";
}

/** A browser-session cookie (no Max-Age): closing the browser ends it; the server's timeouts end it anyway. */
export function sessionCookie(request: Request, token: string): string {
  return `${SESSION_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Lax${isHttps(request) ? "; Secure" : ""}`;
}

export function blankSessionCookie(request: Request): string {
  return `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0${isHttps(request) ? "; Secure" : ""}`;
}

/** Sessions started before this may not act with rights granted later (rotation on privilege change). */
export async function deleteSessionsOlderThan(db: Db, userId: string, before: Date) {
  await db.delete(sessions).where(and(eq(sessions.userId, userId), lt(sessions.createdAt, before)));
}
