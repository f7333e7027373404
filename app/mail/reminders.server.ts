/**
 * The minute tick's work (decision 019): assignment notices, due-date and expiry reminders, and
 * the managers' weekly overdue digest. The rules live in ./schedule (pure, unit-tested); this
 * file only finds candidates and enqueues with the rules' keys, so a second tick or a second app
 * instance enqueues nothing new.
 */
import { and, asc, eq, gt, gte, isNotNull, isNull, lt, lte, sql } from "drizzle-orm";
import { agencies, certificates, courses, enrollments, mailSettings, users } from "../../db/schema";
import type { Lang } from "~/i18n";
import type { Db } from "~/utils/db.server";
import { mailOrigin } from "~/utils/env.server";
import { existingMailKeys } from "~/models/mail.server";
import { enqueueMail } from "./queue.server";
import { digestKey, dueReminder, DUE_SOON_DAYS, expiryReminder, jakartaDate, OVERDUE_LOOKBACK_DAYS } from "./schedule";
import type { MailContent } from "./templates";

const shift = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const langOf = (value: string | null): Lang => (value === "en" ? "en" : "id");

/** The person a candidate row is about, with their mail settings (left-joined: none saved = defaults). */
const candidate = { userId: users.id, name: users.name, email: users.email, reminders: mailSettings.reminders, lang: mailSettings.lang };
type Candidate = { userId: string; email: string; reminders: boolean | null; lang: string | null };
const addressOf = (c: Candidate) => ({ userId: c.userId, to: c.email, lang: langOf(c.lang) });

/** Enrolments with their learner (and mail settings) and course: what notices and due-date reminders are read from. */
const enrollmentCandidates = (db: Db) =>
  db
    .select({
      id: enrollments.id,
      // The keyset cursor as text: a JS Date would drop the microseconds and read the same rows again.
      at: sql<string>`${enrollments.createdAt}::text`,
      dueDate: enrollments.dueDate,
      ...candidate,
      course: courses.title,
      slug: courses.slug,
    })
    .from(enrollments)
    .innerJoin(users, eq(users.id, enrollments.userId))
    .innerJoin(courses, eq(courses.id, enrollments.courseId))
    .leftJoin(mailSettings, eq(mailSettings.userId, users.id));

/** Candidate rows per query: the tick never holds more than a batch, whatever the country's size. */
export const TICK_BATCH = 1000;

/** Pages of a keyset query: `page(last)` returns up to `size` rows after `last` (null: from the start). */
async function* batches<K, T extends K>(size: number, page: (last: K | null) => Promise<T[]>): AsyncGenerator<T[]> {
  let last: K | null = null;
  for (;;) {
    const rows = await page(last);
    if (rows.length) yield rows;
    if (rows.length < size) return;
    last = rows.at(-1)!;
  }
}

type Message = { address: ReturnType<typeof addressOf>; key: string; content: MailContent };

/**
 * Enqueues every message due at `now`; returns how many new messages it recorded. Candidates are
 * read in keyset batches and only within the rules' windows (every unfinished enrolment of the
 * country at once took gigabytes every minute); keys already recorded are skipped before rendering.
 */
export async function enqueueDueReminders(db: Db, now: Date, batch = TICK_BATCH): Promise<number> {
  const today = jakartaDate(now);
  const origin = mailOrigin();
  const settingsLink = `${origin}/akun/email`;
  let count = 0;
  const enqueueNew = async (messages: Message[]) => {
    const have = await existingMailKeys(
      db,
      messages.map((m) => m.key),
    );
    for (const m of messages) if (!have.has(m.key) && (await enqueueMail(db, { ...m.address, key: m.key, content: m.content }))) count++;
  };
  // A reminder (unlike a notice) goes only to those who have not turned reminders off.
  const wantsReminders = (c: Candidate) => c.reminders !== false;

  // Assignment notices: enrolments assigned in the last two days, still open, due today or later.
  const assignedSince = new Date(now.getTime() - 2 * 86_400_000);
  for await (const rows of batches(batch, (last: { id: string; at: string } | null) =>
    enrollmentCandidates(db)
      .where(
        and(
          isNotNull(enrollments.assignmentId),
          gt(enrollments.createdAt, assignedSince),
          isNull(enrollments.completedAt),
          gte(enrollments.dueDate, today),
          eq(users.disabled, false),
          // The cursor as text: a JS Date would drop the microseconds and read the same rows again.
          last ? sql`(${enrollments.createdAt}, ${enrollments.id}) > (${last.at}::timestamptz, ${last.id})` : undefined,
        ),
      )
      .orderBy(asc(enrollments.createdAt), asc(enrollments.id))
      .limit(batch),
  )) {
    await enqueueNew(
      rows.map((e) => ({
        address: addressOf(e),
        key: `assigned:${e.id}:${e.dueDate}`,
        content: { kind: "assigned", name: e.name, course: e.course, due: e.dueDate!, link: `${origin}/kursus/${e.slug}` },
      })),
    );
  }

  // Due-date reminders: unfinished enrolments due within the week ahead or the lookback behind.
  for await (const rows of batches(batch, (last: { id: string; dueDate: string | null } | null) =>
    enrollmentCandidates(db)
      .where(
        and(
          isNull(enrollments.completedAt),
          isNotNull(enrollments.dueDate),
          gte(enrollments.dueDate, shift(today, -OVERDUE_LOOKBACK_DAYS)),
          lte(enrollments.dueDate, shift(today, DUE_SOON_DAYS)),
          eq(users.disabled, false),
          last ? sql`(${enrollments.dueDate}, ${enrollments.id}) > (${last.dueDate}, ${last.id})` : undefined,
        ),
      )
      .orderBy(asc(enrollments.dueDate), asc(enrollments.id))
      .limit(batch),
  )) {
    const messages: Message[] = [];
    for (const e of rows) {
      const due = wantsReminders(e) ? dueReminder({ id: e.id, dueDate: e.dueDate, completed: false }, today) : null;
      if (!due) continue;
      const link = `${origin}/kursus/${e.slug}`;
      messages.push({
        address: addressOf(e),
        key: due.key,
        content:
          due.kind === "dueSoon"
            ? { kind: "dueSoon", name: e.name, course: e.course, due: e.dueDate!, days: due.days, link, settingsLink }
            : { kind: due.kind, name: e.name, course: e.course, due: e.dueDate!, link, settingsLink },
      });
    }
    await enqueueNew(messages);
  }

  // Current certificates expiring within 90 days, course by course (index on course and expiry).
  const courseIds = await db.select({ id: courses.id }).from(courses);
  for (const { id: courseId } of courseIds) {
    for await (const rows of batches(batch, (last: { id: string; at: string } | null) =>
      db
        .select({
          id: certificates.id,
          at: sql<string>`${certificates.expiresAt}::text`,
          code: certificates.code,
          expiresAt: certificates.expiresAt,
          course: certificates.courseTitle,
          ...candidate,
        })
        .from(certificates)
        .innerJoin(users, eq(users.id, certificates.userId))
        .leftJoin(mailSettings, eq(mailSettings.userId, users.id))
        .where(
          and(
            eq(certificates.courseId, courseId),
            isNull(certificates.replacedBy),
            isNull(certificates.revokedAt),
            eq(users.disabled, false),
            gt(certificates.expiresAt, now),
            lte(certificates.expiresAt, new Date(now.getTime() + 91 * 86_400_000)),
            last ? sql`(${certificates.expiresAt}, ${certificates.id}) > (${last.at}::timestamptz, ${last.id})` : undefined,
          ),
        )
        .orderBy(asc(certificates.expiresAt), asc(certificates.id))
        .limit(batch),
    )) {
      const messages: Message[] = [];
      for (const c of rows) {
        const rule = wantsReminders(c) ? expiryReminder({ id: c.id, expiresAt: c.expiresAt, current: true }, today) : null;
        if (!rule) continue;
        messages.push({
          address: addressOf(c),
          key: rule.key,
          content: {
            kind: "expires",
            name: c.name,
            course: c.course,
            code: c.code,
            expiresAt: c.expiresAt,
            days: rule.days,
            link: `${origin}/saya/sertifikat`,
            settingsLink,
          },
        });
      }
      await enqueueNew(messages);
    }
  }

  // Managers whose digest day is today: overdue learners in their subtree.
  const managers = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      path: agencies.path,
      digestDay: mailSettings.digestDay,
      lang: mailSettings.lang,
      reminders: mailSettings.reminders,
    })
    .from(users)
    .innerJoin(agencies, eq(agencies.id, users.agencyId))
    .leftJoin(mailSettings, eq(mailSettings.userId, users.id))
    .where(and(eq(users.role, "manager"), eq(users.disabled, false)));
  for (const m of managers) {
    const key = digestKey(m.id, m.digestDay ?? 1, today);
    if (!key || m.reminders === false) continue;
    const rows = await db
      .select({ name: users.name, course: courses.title, due: enrollments.dueDate })
      .from(enrollments)
      .innerJoin(users, eq(users.id, enrollments.userId))
      .innerJoin(agencies, eq(agencies.id, users.agencyId))
      .innerJoin(courses, eq(courses.id, enrollments.courseId))
      .where(
        and(
          isNull(enrollments.completedAt),
          lt(enrollments.dueDate, today),
          eq(users.disabled, false),
          sql`${agencies.path} like ${`${m.path.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`}`,
        ),
      )
      .orderBy(asc(enrollments.dueDate), asc(users.name))
      .limit(50);
    if (rows.length === 0) continue;
    if (
      await enqueueMail(db, {
        key,
        userId: m.id,
        to: m.email,
        lang: langOf(m.lang),
        content: {
          kind: "digest",
          name: m.name,
          rows: rows.map((r) => ({ name: r.name, course: r.course, due: r.due! })),
          link: `${origin}/kelola/peserta`,
          settingsLink,
        },
      })
    )
      count++;
  }
  return count;
}
