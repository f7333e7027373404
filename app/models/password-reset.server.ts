import { randomBytes, randomUUID } from "node:crypto";
import { and, desc, eq, isNull } from "drizzle-orm";
import { agencies, passwordHelpRequests, passwordTokens, users } from "../../db/schema";
import type { Lang } from "~/i18n";
import { enqueueMail } from "~/mail/queue.server";
import type { Db } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import type { SessionUser } from "~/utils/auth.server";
import { inScope, scopeOf } from "~/utils/permissions.server";
import { mailLangOf } from "./mail.server";
import { hashToken } from "./staff-import.server";

/** A forgot-password link works this long, once. */
export const RESET_HOURS = 2;

/**
 * "Lupa kata sandi" (decision 019): for an active account, a one-use reset link goes into the
 * mail queue (sent through SMTP_URL, else kept in the outbox), and without SMTP_URL the request
 * also waits for a manager in scope. Unknown or disabled e-mails do nothing; the caller answers
 * the same either way.
 */
export async function requestPasswordReset(db: Db, email: string, origin: string, lang: Lang): Promise<void> {
  const [account] = await db
    .select({ id: users.id, name: users.name, email: users.email, disabled: users.disabled })
    .from(users)
    .where(eq(users.email, email.trim().toLowerCase()))
    .limit(1);
  if (!account || account.disabled) return;
  await db.transaction(async (tx) => {
    // One live reset link per account: a new request replaces the last one.
    await tx.delete(passwordTokens).where(and(eq(passwordTokens.userId, account.id), eq(passwordTokens.purpose, "reset"), isNull(passwordTokens.usedAt)));
    const token = randomBytes(32).toString("base64url");
    const id = randomUUID();
    const expiresAt = new Date(Date.now() + RESET_HOURS * 3600e3);
    await tx.insert(passwordTokens).values({ id, userId: account.id, tokenHash: hashToken(token), purpose: "reset", expiresAt });
    const saved = await mailLangOf(tx, account.id);
    await enqueueMail(tx, {
      key: `reset:${id}`,
      userId: account.id,
      to: account.email,
      lang: saved === "en" ? "en" : lang,
      content: { kind: "reset", name: account.name, link: `${origin}/atur-sandi/${token}`, expiresAt },
    });
    if (!env.smtpUrl) await tx.insert(passwordHelpRequests).values({ id: randomUUID(), userId: account.id }).onConflictDoNothing();
  });
}

/** Open "forgot password" requests of accounts in the manager's scope, oldest first. */
export async function listPasswordHelpRequests(db: Db, actor: SessionUser) {
  return db
    .select({ userId: users.id, name: users.name, email: users.email, agencyName: agencies.name, createdAt: passwordHelpRequests.createdAt })
    .from(passwordHelpRequests)
    .innerJoin(users, eq(users.id, passwordHelpRequests.userId))
    .innerJoin(agencies, eq(agencies.id, users.agencyId))
    .where(inScope(agencies.path, scopeOf(actor)))
    .orderBy(desc(passwordHelpRequests.createdAt))
    .limit(100);
}

/** When the account asked for a new password and is still waiting (null = no open request). */
export async function passwordHelpRequestOf(db: Db, userId: string): Promise<Date | null> {
  const [row] = await db
    .select({ createdAt: passwordHelpRequests.createdAt })
    .from(passwordHelpRequests)
    .where(eq(passwordHelpRequests.userId, userId))
    .limit(1);
  return row?.createdAt ?? null;
}
