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
import { enqueueMail } from "./queue.server";
import { daysBetween, digestKey, dueReminder, DUE_SOON_DAYS, expiryReminder, jakartaDate, OVERDUE_LOOKBACK_DAYS } from "./schedule";
import type { MailContent } from "./templates";

const shift = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const langOf = (value: string | null): Lang => (value === "en" ? "en" : "id");

/** The person a candidate row is about, with their mail settings (left-joined: none saved = defaults). */
const candidate = { userId: users.id, name: users.name, email: users.email, reminders: mailSettings.reminders, lang: mailSettings.lang };
type Candidate = { userId: string; email: string; reminders: boolean | null; lang: string | null };
const addressOf = (c: Candidate) => ({ userId: c.userId, to: c.email, lang: langOf(c.lang) });

/** Enqueues every message due at `now`; returns how many new messages it recorded. */
export async function enqueueDueReminders(db: Db, now: Date): Promise<number> {
  const today = jakartaDate(now);
  const origin = mailOrigin();
  const settingsLink = `${origin}/akun/email`;
  let count = 0;
  const add = async (...args: Parameters<typeof enqueueMail>) => {
    if (await enqueueMail(...args)) count++;
  };
  // A reminder (unlike a notice) goes only to those who have not turned reminders off.
  const remind = async (c: Candidate, message: { key: string; content: MailContent } | null) => {
    if (c.reminders === false || !message) return;
    await add(db, { ...addressOf(c), ...message });
  };

  // Unfinished enrolments with a due date near today (and those assigned in the last two days).
  const open = await db
    .select({
      id: enrollments.id,
      dueDate: enrollments.dueDate,
      assignmentId: enrollments.assignmentId,
      createdAt: enrollments.createdAt,
      ...candidate,
      course: courses.title,
      slug: courses.slug,
    })
    .from(enrollments)
    .innerJoin(users, eq(users.id, enrollments.userId))
    .innerJoin(courses, eq(courses.id, enrollments.courseId))
    .leftJoin(mailSettings, eq(mailSettings.userId, users.id))
    .where(
      and(
        isNull(enrollments.completedAt),
        isNotNull(enrollments.dueDate),
        eq(users.disabled, false),
        gte(enrollments.dueDate, shift(today, -OVERDUE_LOOKBACK_DAYS)),
      ),
    );
  for (const e of open) {
    const link = `${origin}/kursus/${e.slug}`;
    if (e.assignmentId && e.createdAt.getTime() > now.getTime() - 2 * 86_400_000 && daysBetween(today, e.dueDate!) >= 0) {
      await add(db, {
        ...addressOf(e),
        key: `assigned:${e.id}:${e.dueDate}`,
        content: { kind: "assigned", name: e.name, course: e.course, due: e.dueDate!, link },
      });
    }
    if (daysBetween(today, e.dueDate!) > DUE_SOON_DAYS) continue;
    const due = dueReminder({ id: e.id, dueDate: e.dueDate, completed: false }, today);
    await remind(
      e,
      due && {
        key: due.key,
        content:
          due.kind === "dueSoon"
            ? { kind: "dueSoon", name: e.name, course: e.course, due: e.dueDate!, days: due.days, link, settingsLink }
            : { kind: due.kind, name: e.name, course: e.course, due: e.dueDate!, link, settingsLink },
      },
    );
  }

  // Current certificates expiring within 90 days.
  const expiring = await db
    .select({
      id: certificates.id,
      code: certificates.code,
      expiresAt: certificates.expiresAt,
      course: certificates.courseTitle,
      slug: courses.slug,
      ...candidate,
    })
    .from(certificates)
    .innerJoin(users, eq(users.id, certificates.userId))
    .innerJoin(courses, eq(courses.id, certificates.courseId))
    .leftJoin(mailSettings, eq(mailSettings.userId, users.id))
    .where(
      and(
        isNull(certificates.replacedBy),
        isNull(certificates.revokedAt),
        eq(users.disabled, false),
        gt(certificates.expiresAt, now),
        lte(certificates.expiresAt, new Date(now.getTime() + 91 * 86_400_000)),
      ),
    );
  for (const c of expiring) {
    const rule = expiryReminder({ id: c.id, expiresAt: c.expiresAt, current: true }, today);
    await remind(
      c,
      rule && {
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
      },
    );
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
    await add(db, {
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
    });
  }
  return count;
}
