import { createHash, randomBytes, randomUUID } from "node:crypto";
import { and, eq, gt, inArray, isNull, like, or } from "drizzle-orm";
import { agencies, importBatches, passwordHelpRequests, passwordTokens, users } from "../../db/schema";
import { CsvError, parseCsv } from "~/csv/parse";
import { validateStaffImport, type StaffImportResult } from "~/csv/staff-import";
import { looksLikeXlsx, xlsxAsCsvText } from "~/csv/xlsx.server";
import { audit } from "./audit.server";
import { createUser } from "./user.server";
import type { Db } from "~/utils/db.server";
import type { SessionUser } from "~/utils/auth.server";
import { canGrantRole, inScope, managedScopePath, scopeOf } from "~/utils/permissions.server";
import { invalidateUserSessions } from "~/utils/session.server";
import { env } from "~/utils/env.server";
import { mailSetPasswordLinks } from "~/mail/notices.server";

export type ImportPreview =
  | { ok: true; result: StaffImportResult }
  | { ok: false; error: "import.tooLarge" | "import.encoding" | "import.unterminated" | "import.badXlsx"; line?: number };

/**
 * An uploaded staff file as the text the preview reads and the confirm step posts back: a CSV's
 * bytes as they are, an Excel workbook's first sheet converted to CSV.
 */
export async function staffFileInput(
  bytes: Uint8Array,
): Promise<{ ok: true; input: Uint8Array | string } | { ok: false; error: "import.badXlsx" | "import.tooLarge" }> {
  if (!looksLikeXlsx(bytes)) return { ok: true, input: bytes };
  try {
    const text = await xlsxAsCsvText(bytes, { maxRows: 5000 });
    return text === null ? { ok: false, error: "import.badXlsx" } : { ok: true, input: text };
  } catch (error) {
    if (error instanceof RangeError) return { ok: false, error: "import.tooLarge" };
    throw error;
  }
}

/** Parses and validates an upload against the current database (nothing is written). */
export async function previewStaffImport(db: Db, actor: SessionUser, input: string | Uint8Array): Promise<ImportPreview> {
  let csv;
  try {
    csv = parseCsv(input, { maxBytes: 2 * 1024 * 1024, maxRows: 5000 });
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    if (error.code === "encoding") return { ok: false, error: "import.encoding" };
    if (error.code === "unterminated") return { ok: false, error: "import.unterminated", line: error.line };
    return { ok: false, error: "import.tooLarge" };
  }
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
export async function commitStaffImport(db: Db, actor: SessionUser, result: StaffImportResult): Promise<string> {
  const valid = result.rows.filter((r) => r.errors.length === 0 && r.agencyId);
  return db.transaction(async (tx) => {
    const ids: string[] = [];
    for (const row of valid) {
      const user = await createUser(
        tx,
        {
          name: row.name,
          email: row.email,
          nip: row.nip,
          agencyId: row.agencyId!,
          role: row.role,
          asnKind: row.asnKind,
          password: randomBytes(24).toString("base64url"),
          awaitingLink: true,
        },
        actor.id,
      );
      ids.push(user.id);
    }
    const batchId = randomUUID();
    await tx.insert(importBatches).values({ id: batchId, createdBy: actor.id, userIds: ids });
    await audit(tx, { actorId: actor.id, action: "staff.import", targetType: "import_batch", targetId: batchId, details: { created: ids.length } });
    // With a mail server the new accounts get their links by e-mail now (decision 019); without, the manager downloads them.
    if (env.smtpUrl) {
      const links = await issuePasswordLinks(tx, ids, actor.id);
      const expiresAt = new Date(Date.now() + TOKEN_DAYS * 86400e3);
      await mailSetPasswordLinks(
        tx,
        [...links.values()].flatMap((l) => ("token" in l ? [{ userId: l.userId, token: l.token, expiresAt }] : [])),
      );
    }
    return batchId;
  });
}

/** The batch when the actor may see it (its creator or an admin), with accounts still in scope. */
export async function getImportBatch(db: Db, actor: SessionUser, batchId: string) {
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

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");
/** A set-password link works this long (probe finding 1: links no longer live for weeks). */
export const TOKEN_DAYS = 7;

export type LinkState = { userId: string; token: string } | { userId: string; state: "password-set" | "issued"; expiresAt?: Date };

/**
 * Set-password links for accounts that never chose a password and hold no live link: each
 * account gets its link once (probe finding 1 — downloads used to mint fresh links for every
 * account on every download, whatever its role and password). Others are reported, not reissued.
 */
export async function issuePasswordLinks(db: Db, userIds: string[], actorId: string | null): Promise<Map<string, LinkState>> {
  const out = new Map<string, LinkState>();
  if (userIds.length === 0) return out;
  const now = new Date();
  const accounts = await db.select({ id: users.id, passwordSetAt: users.passwordSetAt }).from(users).where(inArray(users.id, userIds));
  const live = await db
    .select({ userId: passwordTokens.userId, expiresAt: passwordTokens.expiresAt })
    .from(passwordTokens)
    .where(and(inArray(passwordTokens.userId, userIds), isNull(passwordTokens.usedAt), gt(passwordTokens.expiresAt, now)));
  const liveBy = new Map(live.map((l) => [l.userId, l.expiresAt]));
  const rows = [];
  for (const a of accounts) {
    if (a.passwordSetAt) out.set(a.id, { userId: a.id, state: "password-set" });
    else if (liveBy.has(a.id)) out.set(a.id, { userId: a.id, state: "issued", expiresAt: liveBy.get(a.id) });
    else {
      const token = randomBytes(32).toString("base64url");
      out.set(a.id, { userId: a.id, token });
      rows.push({ id: randomUUID(), userId: a.id, tokenHash: hashToken(token), issuedBy: actorId, expiresAt: new Date(now.getTime() + TOKEN_DAYS * 86400e3) });
    }
  }
  if (rows.length) {
    // Expired, unused links of these accounts are dead weight.
    await db.delete(passwordTokens).where(
      and(
        inArray(
          passwordTokens.userId,
          rows.map((r) => r.userId),
        ),
        isNull(passwordTokens.usedAt),
      ),
    );
    await db.insert(passwordTokens).values(rows);
    await audit(db, {
      actorId,
      action: "user.password-links",
      targetType: "user",
      targetId: rows.length === 1 ? rows[0]!.userId : "batch",
      details: { issued: rows.length },
    });
  }
  return out;
}

/**
 * A new link for one account that still has never set its password, replacing any earlier one;
 * only by someone who may grant the account's role (so no manager re-issues an admin's link). Audited.
 */
export async function reissuePasswordLink(db: Db, actor: SessionUser, userId: string): Promise<string | null> {
  return db.transaction(async (tx) => {
    const [target] = await tx
      .select({ id: users.id, role: users.role, passwordSetAt: users.passwordSetAt })
      .from(users)
      .innerJoin(agencies, eq(agencies.id, users.agencyId))
      .where(and(eq(users.id, userId), inScope(agencies.path, scopeOf(actor))))
      .limit(1);
    if (!target || !canGrantRole(actor, target.role)) return null;
    // An account with a password gets a link only when its owner asked for one ("Lupa kata sandi", decision 019).
    const [asked] = await tx.select({ id: passwordHelpRequests.id }).from(passwordHelpRequests).where(eq(passwordHelpRequests.userId, userId)).limit(1);
    if (target.passwordSetAt && !asked) return null;
    const purpose = target.passwordSetAt ? "reset" : "set";
    await tx.delete(passwordTokens).where(and(eq(passwordTokens.userId, userId), isNull(passwordTokens.usedAt)));
    const token = randomBytes(32).toString("base64url");
    await tx
      .insert(passwordTokens)
      .values({ id: randomUUID(), userId, tokenHash: hashToken(token), purpose, issuedBy: actor.id, expiresAt: new Date(Date.now() + TOKEN_DAYS * 86400e3) });
    await tx.delete(passwordHelpRequests).where(eq(passwordHelpRequests.userId, userId));
    await audit(tx, { actorId: actor.id, action: "user.password-link-reissue", targetType: "user", targetId: userId, details: { purpose } });
    return token;
  });
}

/** The account a valid, unused, unexpired token belongs to (and which still has no password of its own). */
export async function findPasswordToken(db: Db, token: string) {
  const [row] = await db
    .select({ id: passwordTokens.id, userId: users.id, name: users.name, email: users.email })
    .from(passwordTokens)
    .innerJoin(users, eq(users.id, passwordTokens.userId))
    .where(
      and(
        eq(passwordTokens.tokenHash, hashToken(token)),
        isNull(passwordTokens.usedAt),
        gt(passwordTokens.expiresAt, new Date()),
        // A "reset" link (forgot password, decision 019) replaces a password; a "set" link only sets the first.
        or(isNull(users.passwordSetAt), eq(passwordTokens.purpose, "reset")),
      ),
    )
    .limit(1);
  return row ?? null;
}

/** Uses the token once: sets the password, marks the token used and ends every session of the account, atomically. */
export async function consumePasswordToken(db: Db, token: string, passwordHash: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(passwordTokens)
      .set({ usedAt: new Date() })
      .where(and(eq(passwordTokens.tokenHash, hashToken(token)), isNull(passwordTokens.usedAt), gt(passwordTokens.expiresAt, new Date())))
      .returning({ userId: passwordTokens.userId, purpose: passwordTokens.purpose });
    if (!row) return false;
    const [updated] = await tx
      .update(users)
      .set({ passwordHash, passwordSetAt: new Date(), updatedAt: new Date() })
      .where(and(eq(users.id, row.userId), row.purpose === "reset" ? undefined : isNull(users.passwordSetAt)))
      .returning({ id: users.id });
    if (!updated) {
      // The account chose a password meanwhile: the link is spent and changes nothing.
      return false;
    }
    await invalidateUserSessions(tx, row.userId);
    await tx.delete(passwordTokens).where(and(eq(passwordTokens.userId, row.userId), isNull(passwordTokens.usedAt)));
    await tx.delete(passwordHelpRequests).where(eq(passwordHelpRequests.userId, row.userId));
    await audit(tx, {
      actorId: row.userId,
      action: row.purpose === "reset" ? "user.password-reset" : "user.password-set",
      targetType: "user",
      targetId: row.userId,
    });
    return true;
  });
}
