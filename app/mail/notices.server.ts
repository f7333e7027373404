/**
 * The messages that follow an event in the same transaction as the event (decision 019): a
 * certificate issued or suspended, set-password links for imported staff. Each has a key made of
 * what it is about, so repeating the event's code path never mails twice.
 */
import { eq, sql } from "drizzle-orm";
import { courses, mailSettings, users, type Certificate } from "../../db/schema";
import type { Db } from "~/utils/db.server";
import { mailOrigin } from "~/utils/env.server";
import type { NewMail } from "~/models/mail.server";
import { enqueueMail } from "./queue.server";

/**
 * The active accounts among `userIds` with their mail settings, by id: one query however many
 * (the ids travel as one array parameter). Language: their saved choice, else Indonesian.
 */
async function recipients(db: Db, userIds: string[]) {
  const rows = userIds.length
    ? await db
        .select({ id: users.id, name: users.name, email: users.email, lang: mailSettings.lang, reminders: mailSettings.reminders })
        .from(users)
        .leftJoin(mailSettings, eq(mailSettings.userId, users.id))
        .where(sql`${users.id} = any(${sql.param(userIds)}::text[]) and not ${users.disabled}`)
    : [];
  return new Map(rows.map((r) => [r.id, { ...r, lang: r.lang === "en" ? ("en" as const) : ("id" as const), reminders: r.reminders ?? true }]));
}

async function recipient(db: Db, userId: string) {
  return (await recipients(db, [userId])).get(userId) ?? null;
}

export async function mailCertificateIssued(db: Db, cert: Certificate) {
  const to = await recipient(db, cert.userId);
  if (!to) return;
  await enqueueMail(db, certificateIssuedMail(cert, to));
}

/** The "certificate issued" message to `to` (an active account; see recipients for its language). */
export function certificateIssuedMail(
  cert: Pick<Certificate, "id" | "courseTitle" | "code" | "expiresAt">,
  to: { id: string; name: string; email: string; lang: "id" | "en" },
): NewMail {
  const origin = mailOrigin();
  return {
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
  };
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
  const all = await recipients(
    db,
    links.map((l) => l.userId),
  );
  for (const link of links) {
    const to = all.get(link.userId);
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
  const all = await recipients(db, r.userIds);
  let queued = 0;
  for (const userId of r.userIds) {
    const to = all.get(userId);
    if (!to?.reminders) continue;
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
