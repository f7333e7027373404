import { redirect } from "@remix-run/node";
import { eq } from "drizzle-orm";
import { users } from "../../db/schema";
import { getDb } from "./db.server";
import { plainTextAnswer } from "./i18n.server";
import { burnVerifyTime, verifyPassword } from "./password.server";
import { clearSignInFailures, clientIp, isSignInBlocked, recordSignInFailure, signInDelayMs } from "./rate-limit.server";
import {
  blankSessionCookie,
  createSession,
  invalidateSession,
  invalidateUserSessions,
  readSessionToken,
  sessionCookie,
  validateSessionToken,
  type SessionUser,
} from "./session.server";
import type { Role } from "../../db/schema";

export type { SessionUser } from "./session.server";

/**
 * Who is asking: the routes' one door to sessions (requireUser, requireRole, signIn, signOut).
 * How sessions are stored is session.server.ts's business.
 */

// Validate the session once per request. Remix hands the root and route loaders of one document
// request each its own copy of the Request (it strips `?index` and `_data` into a new one), so
// the lookup was made twice; they do share the load context, which our server makes per HTTP
// request and marks `perRequest` (app/cli/serve.ts). Loaders are linked to it in the pipeline;
// actions are not, so loaders that run after an action (a form answered with its errors) look the
// session up again and see what the action changed.
const perRequest = new WeakMap<object, Promise<SessionUser | null>>();
const loaderScope = new WeakMap<Request, object>();

/** The load context our server makes for each HTTP request (tests' contexts lack the mark and share nothing). */
export type RequestContext = { clientAddress?: string; perRequest?: true };

/** Lets this loader's Request share the session lookup with the other loaders of its HTTP request. */
export function shareUserAcrossLoaders(request: Request, context: unknown) {
  if (context && typeof context === "object" && (context as RequestContext).perRequest === true) loaderScope.set(request, context);
}

/** The signed-in user, or null. Expired, idle or unknown sessions count as signed out. */
export function getUser(request: Request): Promise<SessionUser | null> {
  const key = loaderScope.get(request) ?? request;
  let user = perRequest.get(key);
  if (!user) {
    user = loadUser(request);
    perRequest.set(key, user);
  }
  return user;
}

async function loadUser(request: Request): Promise<SessionUser | null> {
  const token = readSessionToken(request);
  if (!token) return null;
  return validateSessionToken(await getDb(), token);
}

export async function requireUser(request: Request): Promise<SessionUser> {
  const user = await getUser(request);
  if (!user) {
    const url = new URL(request.url);
    throw redirect(`/masuk?ke=${encodeURIComponent(url.pathname + url.search)}`);
  }
  return user;
}

/** The signed-in user if their role is one of `roles`; otherwise a 403 in the reader's language. */
export async function requireRole(request: Request, roles: readonly Role[]): Promise<SessionUser> {
  const user = await requireUser(request);
  if (!roles.includes(user.role)) throw plainTextAnswer(request, "error.forbidden", { status: 403 });
  return user;
}

export type SignInResult = { ok: true; cookie: string } | { ok: false };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Checks the password under the sign-in limits (rate-limit.server.ts). Every success starts a
 * new session (rotation) and ends the one the browser came with, if any.
 */
export async function signIn(request: Request, email: string, password: string): Promise<SignInResult> {
  const ip = clientIp(request);
  const normalised = email.trim().toLowerCase();
  if (await isSignInBlocked(normalised, ip)) {
    await burnVerifyTime(password);
    return { ok: false };
  }
  const delay = await signInDelayMs(normalised);
  if (delay) await sleep(delay);
  const db = await getDb();
  const [user] = await db.select().from(users).where(eq(users.email, normalised)).limit(1);
  const valid = user && !user.disabled ? await verifyPassword(user.passwordHash, password) : (await burnVerifyTime(password), false);
  if (!valid || !user) {
    await recordSignInFailure(normalised, ip);
    return { ok: false };
  }
  await clearSignInFailures(normalised, ip);
  return { ok: true, cookie: await startSession(request, user.id) };
}

/**
 * The one way a sign-in ends (password or SSO ASN): a new session (rotation), the one the
 * browser came with ended. Returns the Set-Cookie header value.
 */
export async function startSession(request: Request, userId: string): Promise<string> {
  const db = await getDb();
  const previous = readSessionToken(request);
  if (previous) await invalidateSession(db, previous);
  return sessionCookie(request, await createSession(db, userId));
}

/** Ends the current session; returns the Set-Cookie header that clears the cookie. */
export async function signOut(request: Request): Promise<string> {
  const token = readSessionToken(request);
  if (token) await invalidateSession(await getDb(), token);
  return blankSessionCookie(request);
}

/** Ends every session of a user (password set or changed, role change, disable). */
export async function signOutEverywhere(userId: string) {
  await invalidateUserSessions(await getDb(), userId);
}

/** A fresh session cookie for `userId` (after a password change, the one session that stays). */
export async function createSessionCookie(request: Request, userId: string): Promise<string> {
  return sessionCookie(request, await createSession(await getDb(), userId));
}
