import { randomUUID } from "node:crypto";
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { mailMessages, mailSettings, type MailMessage } from "../../db/schema";
import type { Lang } from "~/i18n";
import { renderMail, type MailContent } from "~/mail/templates";
import type { Db } from "~/utils/db.server";

/** The language a person's mail is written in (their saved choice, else Indonesian). */
export async function mailLangOf(db: Db, userId: string): Promise<Lang> {
  const [row] = await db.select({ lang: mailSettings.lang }).from(mailSettings).where(eq(mailSettings.userId, userId)).limit(1);
  return row?.lang === "en" ? "en" : "id";
}

/** The person's mail choices. */
export async function getMailSettings(db: Db, userId: string) {
  const [row] = await db.select().from(mailSettings).where(eq(mailSettings.userId, userId)).limit(1);
  return { lang: (row?.lang === "en" ? "en" : "id") as Lang, reminders: row?.reminders ?? true, digestDay: row?.digestDay ?? 1 };
}

/** Saves the person's mail choices (and the language they use now, which their mail follows). */
export async function saveMailSettings(db: Db, userId: string, settings: { lang: Lang; reminders?: boolean; digestDay?: number }) {
  const set = {
    lang: settings.lang,
    updatedAt: new Date(),
    ...(settings.reminders === undefined ? {} : { reminders: settings.reminders }),
    ...(settings.digestDay === undefined ? {} : { digestDay: settings.digestDay }),
  };
  await db
    .insert(mailSettings)
    .values({ userId, ...set })
    .onConflictDoUpdate({ target: mailSettings.userId, set });
}

export type NewMail = { key: string; userId: string | null; to: string; lang: Lang; content: MailContent };

/** Which of these idempotency keys have a message already (the tick skips rendering those). */
export async function existingMailKeys(db: Db, keys: string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await db.select({ key: mailMessages.key }).from(mailMessages).where(inArray(mailMessages.key, keys));
  return new Set(rows.map((r) => r.key));
}

/**
 * Records one message under its idempotency key, rendered in the recipient's language. Returns
 * the new message's id, or null when a message with this key exists already (nothing is sent twice).
 */
export async function insertMail(db: Db, mail: NewMail): Promise<string | null> {
  const [row] = await insertMailQuery(db, mail);
  return row?.id ?? null;
}

/**
 * The INSERT of `insertMail`, unsent: a caller that writes other rows in the same event folds it
 * into its own statement (a CTE) and saves a round trip. Returns the new message's id, or no row.
 */
export function insertMailQuery(db: Db, mail: NewMail) {
  const { subject, text } = renderMail(mail.content, mail.lang);
  return db
    .insert(mailMessages)
    .values({ id: randomUUID(), key: mail.key, kind: mail.content.kind, userId: mail.userId, toAddress: mail.to, lang: mail.lang, subject, body: text })
    .onConflictDoNothing({ target: mailMessages.key })
    .returning({ id: mailMessages.id });
}

/**
 * Takes a queued message for sending: only one worker's update matches, so a message handed to
 * two workers (a duplicate job, a second instance) goes out once. Counts the attempt.
 */
export async function claimMail(db: Db, id: string): Promise<MailMessage | null> {
  const [row] = await db
    .update(mailMessages)
    .set({ status: "sending", attempts: sql`${mailMessages.attempts} + 1`, updatedAt: new Date() })
    .where(and(eq(mailMessages.id, id), eq(mailMessages.status, "queued")))
    .returning();
  return row ?? null;
}

export async function finishMail(db: Db, id: string, outcome: { status: "sent" | "outbox" } | { status: "queued" | "failed"; error: string }) {
  await db
    .update(mailMessages)
    .set({
      status: outcome.status,
      updatedAt: new Date(),
      // A sent message keeps the error of a failed earlier attempt: the record shows it was retried.
      ...(outcome.status === "sent" ? { sentAt: new Date() } : {}),
      ...("error" in outcome ? { lastError: outcome.error.slice(0, 500) } : {}),
    })
    .where(eq(mailMessages.id, id));
}

export const OUTBOX_PAGE = 50;

/** The newest messages for the admins' outbox page (every status, so failures show too), optionally to one address. */
export async function listMail(db: Db, page = 1, to: string | null = null) {
  const where = to ? eq(mailMessages.toAddress, to) : undefined;
  const [{ total } = { total: 0 }] = await db
    .select({ total: sql<number>`count(*)::int` })
    .from(mailMessages)
    .where(where);
  const rows = await db
    .select()
    .from(mailMessages)
    .where(where)
    .orderBy(desc(mailMessages.createdAt), desc(mailMessages.id))
    .limit(OUTBOX_PAGE)
    .offset((Math.max(1, page) - 1) * OUTBOX_PAGE);
  return { rows, total };
}
