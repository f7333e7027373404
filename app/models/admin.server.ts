import { aliasedTable, and, asc, count, desc, eq, ilike, like, or, sql } from "drizzle-orm";
import { agencies, auditLog, users, type Agency, type Role } from "../../db/schema";
import { createAgency, type AgencyKind } from "./agency.server";
import { audit } from "./audit.server";
import { uniqueViolation } from "./user.server";
import type { Db } from "~/utils/db.server";
import { invalidateUserSessions } from "~/utils/session.server";

export const AUDIT_PAGE_SIZE = 50;
export const ACCOUNTS_LIMIT = 100;

// Every change to the tree's shape takes this lock first, so a move and a create (or two moves)
// never interleave: otherwise two crossing moves could form a cycle, or a child created during a
// move could keep its parent's old path.
const AGENCY_TREE_LOCK = 727275;
async function lockAgencyTree(tx: Db) {
  await tx.execute(sql`select pg_advisory_xact_lock(${AGENCY_TREE_LOCK})`);
}

export class AgencyCodeTakenError extends Error {
  constructor() {
    super("agency code taken");
  }
}

/** Thrown when an agency would become its own ancestor. */
export class AgencyCycleError extends Error {
  constructor() {
    super("cannot move an agency under its own subtree");
  }
}

/** Creates an agency (through `createAgency`) and audits it in one transaction; a taken code throws AgencyCodeTakenError. */
export async function addAgency(db: Db, actorId: string, input: { code: string; name: string; kind: AgencyKind; parentId: string | null }): Promise<Agency> {
  try {
    return await db.transaction(async (tx) => {
      await lockAgencyTree(tx);
      const row = await createAgency(tx, input);
      await audit(tx, {
        actorId,
        action: "agency.create",
        targetType: "agency",
        targetId: row.id,
        details: { code: row.code, name: row.name, kind: row.kind, parentId: row.parentId },
      });
      return row;
    });
  } catch (error) {
    if (uniqueViolation(error) === "agencies_code_unique") throw new AgencyCodeTakenError();
    throw error;
  }
}

/** Renames an agency; false when it does not exist. */
export async function renameAgency(db: Db, actorId: string, agencyId: string, name: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [before] = await tx.select({ name: agencies.name }).from(agencies).where(eq(agencies.id, agencyId)).for("update").limit(1);
    if (!before) return false;
    if (before.name === name) return true;
    await tx.update(agencies).set({ name, updatedAt: new Date() }).where(eq(agencies.id, agencyId));
    await audit(tx, { actorId, action: "agency.rename", targetType: "agency", targetId: agencyId, details: { from: before.name, to: name } });
    return true;
  });
}

/**
 * Moves an agency (and its whole subtree) under `newParentId`, or to the top level when null.
 * The materialised paths of the subtree are rewritten by one UPDATE on the old path prefix, so
 * scoping by `path LIKE prefix%` follows the move at once. Throws AgencyCycleError when the new
 * parent lies inside the agency's own subtree; false when either agency does not exist.
 */
export async function moveAgency(db: Db, actorId: string, agencyId: string, newParentId: string | null): Promise<boolean> {
  return db.transaction(async (tx) => {
    await lockAgencyTree(tx);
    const [agency] = await tx.select().from(agencies).where(eq(agencies.id, agencyId)).limit(1);
    if (!agency) return false;
    let parentPath = "/";
    if (newParentId) {
      const [parent] = await tx.select().from(agencies).where(eq(agencies.id, newParentId)).limit(1);
      if (!parent) return false;
      if (parent.path.startsWith(agency.path)) throw new AgencyCycleError();
      parentPath = parent.path;
    }
    if ((agency.parentId ?? null) === newParentId) return true;
    const oldPath = agency.path;
    const newPath = `${parentPath}${agency.id}/`;
    const moved = await tx
      .update(agencies)
      .set({
        path: sql`${newPath} || substr(${agencies.path}, ${oldPath.length + 1})`,
        parentId: sql`case when ${agencies.id} = ${agency.id} then ${newParentId}::text else ${agencies.parentId} end`,
        updatedAt: new Date(),
      })
      .where(like(agencies.path, `${oldPath}%`))
      .returning({ id: agencies.id });
    await audit(tx, {
      actorId,
      action: "agency.move",
      targetType: "agency",
      targetId: agency.id,
      details: { fromParentId: agency.parentId, toParentId: newParentId, fromPath: oldPath, toPath: newPath, subtreeSize: moved.length },
    });
    return true;
  });
}

export type AccountRow = {
  id: string;
  name: string;
  email: string;
  role: Role;
  agencyId: string;
  agencyName: string;
  disabled: boolean;
};

/** Accounts of every agency matching a name, NIP or email search: the first `ACCOUNTS_LIMIT` and the total. */
export async function listAccounts(db: Db, search = ""): Promise<{ rows: AccountRow[]; total: number }> {
  const q = search.trim();
  const where = q ? or(ilike(users.name, `%${q}%`), ilike(users.nip, `%${q}%`), ilike(users.email, `%${q}%`)) : undefined;
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: users.id,
        name: users.name,
        email: users.email,
        role: users.role,
        agencyId: users.agencyId,
        agencyName: agencies.name,
        disabled: users.disabled,
      })
      .from(users)
      .innerJoin(agencies, eq(agencies.id, users.agencyId))
      .where(where)
      .orderBy(asc(users.name), asc(users.email))
      .limit(ACCOUNTS_LIMIT),
    db.select({ n: count() }).from(users).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

export type AccountChange = { role: Role; agencyId: string; disabled: boolean };
export type AccountUpdateResult = { status: "not-found" } | { status: "unknown-agency" } | { status: "unchanged" } | { status: "updated"; signedOut: boolean };

/**
 * Changes a user's role, agency and disabled flag with an audit entry in one transaction.
 * Any of those changes ends all the user's sessions afterwards (privilege change → new session).
 */
export async function updateUserAccount(db: Db, actorId: string, userId: string, change: AccountChange): Promise<AccountUpdateResult> {
  const result = await db.transaction(async (tx): Promise<AccountUpdateResult> => {
    const [before] = await tx
      .select({ role: users.role, agencyId: users.agencyId, disabled: users.disabled })
      .from(users)
      .where(eq(users.id, userId))
      .for("update")
      .limit(1);
    if (!before) return { status: "not-found" };
    const [agency] = await tx.select({ id: agencies.id }).from(agencies).where(eq(agencies.id, change.agencyId)).limit(1);
    if (!agency) return { status: "unknown-agency" };
    const details: Record<string, { from: unknown; to: unknown }> = {};
    for (const key of ["role", "agencyId", "disabled"] as const) {
      if (before[key] !== change[key]) details[key] = { from: before[key], to: change[key] };
    }
    if (Object.keys(details).length === 0) return { status: "unchanged" };
    await tx
      .update(users)
      .set({ ...change, updatedAt: new Date() })
      .where(eq(users.id, userId));
    const action = change.disabled && !before.disabled ? "user.disable" : !change.disabled && before.disabled ? "user.enable" : "user.update";
    await audit(tx, { actorId, action, targetType: "user", targetId: userId, details });
    return { status: "updated", signedOut: true };
  });
  // Sessions are ended only once the change is committed, so a rollback cannot sign anyone out.
  if (result.status === "updated") await invalidateUserSessions(db, userId);
  return result;
}

export type AuditRow = {
  id: number;
  createdAt: string;
  action: string;
  actorName: string | null;
  actorEmail: string | null;
  targetType: string;
  targetId: string;
  targetLabel: string | null;
  details: Record<string, unknown>;
};

/** The audit log, newest first, `AUDIT_PAGE_SIZE` a page, optionally one action only. */
export async function listAuditLog(db: Db, opts: { page?: number; action?: string | null }): Promise<{ rows: AuditRow[]; total: number; actions: string[] }> {
  const page = Math.max(1, opts.page ?? 1);
  const where = opts.action ? eq(auditLog.action, opts.action) : undefined;
  const actor = aliasedTable(users, "actor");
  const targetUser = aliasedTable(users, "target_user");
  const [rows, [total], actions] = await Promise.all([
    db
      .select({
        id: auditLog.id,
        createdAt: auditLog.createdAt,
        action: auditLog.action,
        actorName: actor.name,
        actorEmail: actor.email,
        targetType: auditLog.targetType,
        targetId: auditLog.targetId,
        targetUserName: targetUser.name,
        targetAgencyName: agencies.name,
        details: auditLog.details,
      })
      .from(auditLog)
      .leftJoin(actor, eq(actor.id, auditLog.actorId))
      .leftJoin(targetUser, and(eq(auditLog.targetType, "user"), eq(targetUser.id, auditLog.targetId)))
      .leftJoin(agencies, and(eq(auditLog.targetType, "agency"), eq(agencies.id, auditLog.targetId)))
      .where(where)
      .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
      .limit(AUDIT_PAGE_SIZE)
      .offset((page - 1) * AUDIT_PAGE_SIZE),
    db.select({ n: count() }).from(auditLog).where(where),
    db.selectDistinct({ action: auditLog.action }).from(auditLog).orderBy(asc(auditLog.action)),
  ]);
  return {
    rows: rows.map(({ targetUserName, targetAgencyName, createdAt, ...r }) => ({
      ...r,
      createdAt: createdAt.toISOString(),
      targetLabel: targetUserName ?? targetAgencyName ?? null,
    })),
    total: total?.n ?? 0,
    actions: actions.map((a) => a.action),
  };
}
