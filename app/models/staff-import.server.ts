import { createHash, randomBytes, randomUUID } from "node:crypto";
import { and, eq, gt, inArray, isNull, like } from "drizzle-orm";
import { agencies, importBatches, passwordTokens, users } from "../../db/schema";
import { CsvError, parseCsv } from "~/csv/parse";
import { validateStaffImport, type StaffImportResult } from "~/csv/staff-import";
import { audit } from "./audit.server";
import { createUser } from "./user.server";
import { getDb, type Db } from "~/utils/db.server";
import type { SessionUser } from "~/utils/auth.server";
import { managedScopePath } from "~/utils/permissions.server";

export type ImportPreview = { ok: true; result: StaffImportResult } | { ok: false; error: "import.tooLarge" | "import.encoding" | "import.unterminated"; line?: number };

/** Parses and validates an upload against the current database (nothing is written). */
export async function previewStaffImport(actor: SessionUser, input: string | Uint8Array): Promise<ImportPreview> {
  let csv;
  try {
    csv = parseCsv(input, { maxBytes: 2 * 1024 * 1024, maxRows: 5000 });
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    if (error.code === "encoding") return { ok: false, error: "import.encoding" };
    if (error.code === "unterminated") return { ok: false, error: "import.unterminated", line: error.line };
    return { ok: false, error: "import.tooLarge" };
  }
  const db = await getDb();
  const emails = csv.rows.map((r) => (r.cells[1] ?? "").trim().toLowerCase()).filter(Boolean);
  const nips = csv.rows.map((r) => (r.cells[2] ?? "").replace(/\s+/g, "")).filter(Boolean);
  const [allAgencies, takenEmails, takenNips] = await Promise.all([
    db.select({ id: agencies.id, code: agencies.code, path: agencies.path }).from(agencies),
    emails.length ? db.select({ email: users.email }).from(users).where(inArray(users.email, emails)) : Promise.resolve([]),
    nips.length ? db.select({ nip: users.nip }).from(users).where(inArray(users.nip, nips)) : Promise.resolve([]),
  ]);
  const result = validateStaffImport(csv, {
    units: new Map(allAgencies.map((a) => [a.code, { id: a.id, path: a.path }])),
    scopePath: managedScopePath(actor),
    actorRole: actor.role === "admin" ? "admin" : "manager",
    existingEmails: new Set(takenEmails.map((e) => e.email)),
    existingNips: new Set(takenNips.map((n) => n.nip!)),
  });
  return { ok: true, result };
}

/**
 * Creates every valid row in ONE transaction (all or nothing) and records the batch. Accounts
 * get a random unusable password until their one-time link is used.
 */
export async function commitStaffImport(actor: SessionUser, result: StaffImportResult): Promise<string> {
  const db = await getDb();
  const valid = result.rows.filter((r) => r.errors.length === 0 && r.agencyId);
  return db.transaction(async (tx) => {
    const ids: string[] = [];
    for (const row of valid) {
      const user = await createUser({ name: row.name, email: row.email, nip: row.nip, agencyId: row.agencyId!, role: row.role, password: randomBytes(24).toString("base64url") }, actor.id, tx);
      ids.push(user.id);
    }
    const batchId = randomUUID();
    await tx.insert(importBatches).values({ id: batchId, createdBy: actor.id, userIds: ids });
    await audit({ actorId: actor.id, action: "staff.import", targetType: "import_batch", targetId: batchId, details: { created: ids.length } }, tx);
    return batchId;
  });
}

/** The batch when the actor may see it (its creator or an admin), with accounts still in scope. */
export async function getImportBatch(actor: SessionUser, batchId: string) {
  const db = await getDb();
  const [batch] = await db.select().from(importBatches).where(eq(importBatches.id, batchId)).limit(1);
  if (!batch || (batch.createdBy !== actor.id && actor.role !== "admin")) return null;
  const accounts = batch.userIds.length
    ? await db
        .select({ id: users.id, name: users.name, email: users.email })
        .from(users)
        .innerJoin(agencies, eq(agencies.id, users.agencyId))
        .where(and(inArray(users.id, batch.userIds), like(agencies.path, `${managedScopePath(actor)}%`)))
    : [];
  return { ...batch, accounts };
}

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");
const TOKEN_DAYS = 14;

/** New one-time set-password links for these accounts; older unused links stop working. */
export async function issuePasswordLinks(tx: Db | null, userIds: string[]): Promise<Map<string, string>> {
  const db = tx ?? (await getDb());
  const tokens = new Map<string, string>();
  if (userIds.length === 0) return tokens;
  await db.delete(passwordTokens).where(and(inArray(passwordTokens.userId, userIds), isNull(passwordTokens.usedAt)));
  const rows = userIds.map((userId) => {
    const token = randomBytes(32).toString("base64url");
    tokens.set(userId, token);
    return { id: randomUUID(), userId, tokenHash: hashToken(token), expiresAt: new Date(Date.now() + TOKEN_DAYS * 86400e3) };
  });
  await db.insert(passwordTokens).values(rows);
  return tokens;
}

/** The account a valid, unused, unexpired token belongs to. */
export async function findPasswordToken(token: string) {
  const db = await getDb();
  const [row] = await db
    .select({ id: passwordTokens.id, userId: users.id, name: users.name, email: users.email })
    .from(passwordTokens)
    .innerJoin(users, eq(users.id, passwordTokens.userId))
    .where(and(eq(passwordTokens.tokenHash, hashToken(token)), isNull(passwordTokens.usedAt), gt(passwordTokens.expiresAt, new Date())))
    .limit(1);
  return row ?? null;
}

/** Uses the token once: sets the password and marks the token used, atomically. */
export async function consumePasswordToken(token: string, passwordHash: string): Promise<boolean> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(passwordTokens)
      .set({ usedAt: new Date() })
      .where(and(eq(passwordTokens.tokenHash, hashToken(token)), isNull(passwordTokens.usedAt), gt(passwordTokens.expiresAt, new Date())))
      .returning({ userId: passwordTokens.userId });
    if (!row) return false;
    await tx.update(users).set({ passwordHash, updatedAt: new Date() }).where(eq(users.id, row.userId));
    await audit({ actorId: row.userId, action: "user.password-set", targetType: "user", targetId: row.userId }, tx);
    return true;
  });
}
