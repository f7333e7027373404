import { redirect } from "@remix-run/node";
import { eq } from "drizzle-orm";
import { Lucia, TimeSpan } from "lucia";
import { users, type Role } from "../../db/schema";
import { getDb } from "./db.server";
import { SigapLuciaAdapter } from "./lucia-adapter.server";
import { env } from "./env.server";
import { plainTextAnswer } from "./i18n.server";
import { burnVerifyTime, verifyPassword } from "./password.server";
import { clearAccountFailures, clientIp, isSignInBlocked, recordSignInFailure } from "./rate-limit.server";

/**
 * The only module that knows about Lucia (deprecated upstream), so it can be replaced here alone.
 */
function createLucia(db: Awaited<ReturnType<typeof getDb>>) {
  return new Lucia(new SigapLuciaAdapter(db), {
    sessionExpiresIn: new TimeSpan(14, "d"),
    sessionCookie: {
      name: "sigap_session",
      // Browser-session cookie; the database row's sliding expiry decides validity.
      expires: false,
      attributes: { secure: env.isProduction && process.env.INSECURE_COOKIES !== "1", sameSite: "lax" },
    },
    getUserAttributes: (a) => a,
  });
}

let cached: { db: unknown; lucia: ReturnType<typeof createLucia> } | null = null;
async function lucia() {
  const db = await getDb();
  if (!cached || cached.db !== db) cached = { db, lucia: createLucia(db) };
  return cached.lucia;
}

declare module "lucia" {
  interface Register {
    Lucia: ReturnType<typeof createLucia>;
    DatabaseUserAttributes: Omit<SessionUser, "id"> & { disabled: boolean };
  }
}

export type SessionUser = {
  id: string;
  email: string;
  name: string;
  nip: string | null;
  role: Role;
  agencyId: string;
  agencyName: string;
  agencyPath: string;
};

// Root and route loaders of one document request share the Request: validate the session once.
const perRequest = new WeakMap<Request, Promise<SessionUser | null>>();

/** The signed-in user, or null. Expired or unknown sessions count as signed out. */
export function getUser(request: Request): Promise<SessionUser | null> {
  let user = perRequest.get(request);
  if (!user) {
    user = loadUser(request);
    perRequest.set(request, user);
  }
  return user;
}

async function loadUser(request: Request): Promise<SessionUser | null> {
  const auth = await lucia();
  const sessionId = auth.readSessionCookie(request.headers.get("cookie") ?? "");
  if (!sessionId) return null;
  const { session, user } = await auth.validateSession(sessionId);
  if (!session || !user || user.disabled) return null;
  const { disabled: _disabled, ...rest } = user;
  return rest;
}

export async function requireUser(request: Request): Promise<SessionUser> {
  const user = await getUser(request);
  if (!user) {
    const url = new URL(request.url);
    throw redirect(`/masuk?ke=${encodeURIComponent(url.pathname + url.search)}`);
  }
  return user;
}

/** The signed-in user if their role is one of `roles`; otherwise a 403 in the reader's language (downloads show its body). */
export async function requireRole(request: Request, roles: readonly Role[]): Promise<SessionUser> {
  const user = await requireUser(request);
  if (!roles.includes(user.role)) throw plainTextAnswer(request, "error.forbidden", { status: 403 });
  return user;
}

export async function requireAnonymous(request: Request) {
  if (await getUser(request)) throw redirect("/");
}

export type SignInResult = { ok: true; cookie: string } | { ok: false };

/**
 * Checks the password with per-account and per-IP rate limits. A new session is created
 * on every success (rotation) and the previous one, if any, is invalidated.
 */
export async function signIn(request: Request, email: string, password: string): Promise<SignInResult> {
  const ip = clientIp(request);
  const normalised = email.trim().toLowerCase();
  if (await isSignInBlocked(normalised, ip)) {
    await burnVerifyTime(password);
    return { ok: false };
  }
  const db = await getDb();
  const [user] = await db.select().from(users).where(eq(users.email, normalised)).limit(1);
  const valid = user && !user.disabled ? await verifyPassword(user.passwordHash, password) : (await burnVerifyTime(password), false);
  if (!valid || !user) {
    await recordSignInFailure(normalised, ip);
    return { ok: false };
  }
  await clearAccountFailures(normalised);
  const auth = await lucia();
  const previous = auth.readSessionCookie(request.headers.get("cookie") ?? "");
  if (previous) await auth.invalidateSession(previous);
  const session = await auth.createSession(user.id, {});
  return { ok: true, cookie: auth.createSessionCookie(session.id).serialize() };
}

/** Ends the current session; returns the Set-Cookie header that clears the cookie. */
export async function signOut(request: Request): Promise<string> {
  const auth = await lucia();
  const sessionId = auth.readSessionCookie(request.headers.get("cookie") ?? "");
  if (sessionId) await auth.invalidateSession(sessionId);
  return auth.createBlankSessionCookie().serialize();
}

/** Ends every session of a user (password change, role change, disable). */
export async function signOutEverywhere(userId: string) {
  await (await lucia()).invalidateUserSessions(userId);
}

/** A fresh session for `userId` (used after a password change to rotate the session). */
export async function createSessionCookie(userId: string): Promise<string> {
  const auth = await lucia();
  const session = await auth.createSession(userId, {});
  return auth.createSessionCookie(session.id).serialize();
}
