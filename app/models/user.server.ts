import { randomUUID } from "node:crypto";
import { and, asc, eq, like, or } from "drizzle-orm";
import { agencies, users, type NewUser, type Role, type User } from "../../db/schema";
import { audit } from "./audit.server";
import { enrollForAssignments } from "./enrollment.server";
import type { Db } from "~/utils/db.server";
import { hashPassword, verifyPassword } from "~/utils/password.server";

export type NewAccount = {
  name: string;
  email: string;
  nip: string | null;
  agencyId: string;
  role: Role;
  /** PNS unless said otherwise (the JP rule differs for PPPK). */
  asnKind?: "pns" | "pppk";
  password?: string;
  passwordHash?: string;
  /** An imported account: its password is random until the owner uses their one-time link. */
  awaitingLink?: boolean;
};

export class DuplicateAccountError extends Error {
  constructor(public field: "email" | "nip") {
    super(`duplicate ${field}`);
  }
}

/**
 * Creates an account and enrols it in every course assigned to its agency (or above), in one
 * transaction; reports a taken email/NIP as DuplicateAccountError (the unique index decides).
 */
export async function createUser(db: Db, input: NewAccount, actorId: string | null = null): Promise<User> {
  const passwordHash = input.passwordHash ?? (await hashPassword(input.password ?? randomUUID()));
  const values: NewUser = {
    id: randomUUID(),
    name: input.name,
    email: input.email.toLowerCase(),
    nip: input.nip,
    agencyId: input.agencyId,
    role: input.role,
    asnKind: input.asnKind ?? "pns",
    passwordHash,
    passwordSetAt: input.awaitingLink ? null : new Date(),
  };
  const insert = async (tx: Db) => {
    const [row] = await tx.insert(users).values(values).returning();
    const [agency] = await tx.select({ path: agencies.path }).from(agencies).where(eq(agencies.id, row!.agencyId));
    await enrollForAssignments(tx, row!.id, agency!.path);
    await audit(tx, { actorId, action: "user.create", targetType: "user", targetId: row!.id, details: { role: row!.role } });
    return row!;
  };
  try {
    // Its own transaction, or a savepoint inside the caller's (an import creates many at once).
    return await db.transaction(insert);
  } catch (error) {
    const constraint = uniqueViolation(error);
    if (constraint === "users_email_unique") throw new DuplicateAccountError("email");
    if (constraint === "users_nip_unique") throw new DuplicateAccountError("nip");
    throw error;
  }
}

/** Name of the unique constraint a failed insert hit (postgres.js and PGlite name it differently). */
export function uniqueViolation(error: unknown): string | null {
  const cause = ((error as { cause?: unknown })?.cause ?? error) as { code?: string; constraint?: string; constraint_name?: string };
  if (cause?.code !== "23505") return null;
  return cause.constraint ?? cause.constraint_name ?? null;
}

export type UserListRow = { id: string; name: string; email: string; nip: string | null; role: Role; agencyName: string };

/** Users whose agency lies in the subtree `scopePath` (scoped in SQL). */
export async function listUsersInScope(db: Db, scopePath: string, search = ""): Promise<UserListRow[]> {
  const q = search.trim();
  return db
    .select({ id: users.id, name: users.name, email: users.email, nip: users.nip, role: users.role, agencyName: agencies.name })
    .from(users)
    .innerJoin(agencies, eq(agencies.id, users.agencyId))
    .where(and(like(agencies.path, `${scopePath}%`), q ? or(like(users.name, `%${q}%`), like(users.nip, `%${q}%`), like(users.email, `%${q}%`)) : undefined))
    .orderBy(asc(agencies.path), asc(users.name))
    .limit(500);
}

/** One user, only when inside the subtree; undefined otherwise (callers answer 404). */
export async function getUserInScope(db: Db, scopePath: string, userId: string) {
  const [row] = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      nip: users.nip,
      role: users.role,
      asnKind: users.asnKind,
      passwordSetAt: users.passwordSetAt,
      agencyName: agencies.name,
      agencyCode: agencies.code,
    })
    .from(users)
    .innerJoin(agencies, eq(agencies.id, users.agencyId))
    .where(and(eq(users.id, userId), like(agencies.path, `${scopePath}%`)))
    .limit(1);
  return row;
}

/**
 * Sets whether an account is PNS or PPPK (its yearly JP rule), only inside the actor's subtree
 * (checked in the same statement). Audited with before and after. False when out of scope.
 */
export async function setAsnKind(db: Db, actorId: string, scopePath: string, userId: string, asnKind: "pns" | "pppk"): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select({ asnKind: users.asnKind })
      .from(users)
      .innerJoin(agencies, eq(agencies.id, users.agencyId))
      .where(and(eq(users.id, userId), like(agencies.path, `${scopePath}%`)))
      .for("update", { of: users })
      .limit(1);
    if (!before) return false;
    if (before.asnKind === asnKind) return true;
    await tx.update(users).set({ asnKind, updatedAt: new Date() }).where(eq(users.id, userId));
    await audit(tx, { actorId, action: "user.asnKind", targetType: "user", targetId: userId, details: { from: before.asnKind, to: asnKind } });
    return true;
  });
}

export async function countUsers(db: Db): Promise<number> {
  const rows = await db.select({ id: users.id }).from(users).limit(1);
  return rows.length;
}

/** Checks the current password, stores the new hash and audits; false when the current one is wrong. */
export async function changePassword(db: Db, userId: string, current: string, next: string): Promise<boolean> {
  const [user] = await db.select().from(users).where(eq(users.id, userId)).limit(1);
  if (!user || !(await verifyPassword(user.passwordHash, current))) return false;
  const passwordHash = await hashPassword(next);
  await db.update(users).set({ passwordHash, passwordSetAt: new Date(), updatedAt: new Date() }).where(eq(users.id, userId));
  await audit(db, { actorId: userId, action: "user.password-change", targetType: "user", targetId: userId });
  return true;
}

/**
 * The accounts an SSO ASN sign-in could belong to: the NIP's and the verified e-mail's (both
 * unique, so at most two rows; both indexed). app/utils/sso-link.ts decides between them.
 */
export async function findSsoCandidates(db: Db, identity: { nip: string | null; verifiedEmail: string | null }) {
  const conditions = [identity.nip ? eq(users.nip, identity.nip) : null, identity.verifiedEmail ? eq(users.email, identity.verifiedEmail) : null].filter(
    (c) => c !== null,
  );
  if (conditions.length === 0) return [];
  return db
    .select({ id: users.id, email: users.email, nip: users.nip, disabled: users.disabled })
    .from(users)
    .where(or(...conditions))
    .limit(5);
}
