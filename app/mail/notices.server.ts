/**
 * The messages that follow an event in the same transaction as the event (decision 019): a
 * certificate issued or suspended, set-password links for imported staff. Each has a key made of
 * what it is about, so repeating the event's code path never mails twice.
 */
import { eq } from "drizzle-orm";
import { courses, users, type Certificate } from "../../db/schema";
import { getMailSettings, mailLangOf } from "~/models/mail.server";
import type { Db } from "~/utils/db.server";
import { mailOrigin } from "~/utils/env.server";
import { enqueueMail } from "./queue.server";

async function recipient(db: Db, userId: string) {
  const [user] = await db
    .select({ id: users.id, name: users.name, email: users.email, disabled: users.disabled })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  return user && !user.disabled ? { ...user, lang: await mailLangOf(db, userId) } : null;
}

export async function mailCertificateIssued(db: Db, cert: Certificate) {
  const to = await recipient(db, cert.userId);
  if (!to) return;
  const origin = mailOrigin();
  await enqueueMail(db, {
    key: `cert-issued:${cert.id}`,
    userId: to.id,
    to: to.email,
    lang: to.lang,
    content: {
      kind: "certificateIssued",
      name: to.name,
      course: cert.courseTitle,
      code: cert.code,
      expiresAt: cert.expiresAt,
      link: `${origin}/saya/sertifikat`,
      verify: `${origin}/sertifikat/${cert.code}`,
    },
  });
}

export async function mailCertificateSuspended(db: Db, cert: Certificate, suspendedAt: Date) {
  const to = await recipient(db, cert.userId);
  if (!to) return;
  const [course] = await db.select({ slug: courses.slug }).from(courses).where(eq(courses.id, cert.courseId)).limit(1);
  await enqueueMail(db, {
    key: `cert-suspended:${cert.id}:${suspendedAt.toISOString()}`,
    userId: to.id,
    to: to.email,
    lang: to.lang,
    content: { kind: "suspended", name: to.name, course: cert.courseTitle, code: cert.code, link: `${mailOrigin()}/kursus/${course?.slug ?? ""}` },
  });
}

/** Set-password links of imported accounts, when Sigap can send mail (without it the manager downloads them). */
export async function mailSetPasswordLinks(db: Db, links: { userId: string; token: string; expiresAt: Date }[]) {
  for (const link of links) {
    const to = await recipient(db, link.userId);
    if (!to) continue;
    await enqueueMail(db, {
      // One welcome mail per account: a lost link is re-issued by a manager, by hand.
      key: `set-password:${link.userId}`,
      userId: to.id,
      to: to.email,
      lang: to.lang,
      content: { kind: "setPassword", name: to.name, email: to.email, link: `${mailOrigin()}/atur-sandi/${link.token}`, expiresAt: link.expiresAt },
    });
  }
}

/**
 * A manager's "remind" on the overdue list (issue 15 item 3): one overdue notice per learner and
 * day (the key holds the day, so a second click the same day mails nobody twice), skipping those
 * who turned reminders off. Returns how many were queued now.
 */
export async function mailOverdueReminders(db: Db, r: { courseTitle: string; courseSlug: string; dueDate: string; userIds: string[] }, today: string) {
  const origin = mailOrigin();
  let queued = 0;
  for (const userId of r.userIds) {
    const to = await recipient(db, userId);
    if (!to || !(await getMailSettings(userId, db)).reminders) continue;
    const id = await enqueueMail(db, {
      key: `remind:${r.courseSlug}:${r.dueDate}:${userId}:${today}`,
      userId: to.id,
      to: to.email,
      lang: to.lang,
      content: {
        kind: "overdue",
        name: to.name,
        course: r.courseTitle,
        due: r.dueDate,
        link: `${origin}/kursus/${r.courseSlug}`,
        settingsLink: `${origin}/akun/email`,
      },
    });
    if (id) queued++;
  }
  return queued;
}
