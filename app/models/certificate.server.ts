import { randomUUID } from "node:crypto";
import { and, asc, desc, eq, gte, inArray, isNull, like, ne, or, sql } from "drizzle-orm";
import {
  agencies,
  certificates,
  courses,
  enrollments,
  exerciseAttempts,
  finalQuizAttempts,
  lessonProgress,
  lessons,
  quizAttempts,
  users,
  type Certificate,
} from "../../db/schema";
import { generateCertificateCode } from "~/certificates/code";
import { canRecertify, expiryDate, type SuspensionReason } from "~/certificates/rules";
import { certificateStep, courseStanding, type LessonFacts } from "~/learning/completion";
import { audit } from "./audit.server";
import { ensureIssuance } from "./credential.server";
import { mailCertificateIssued, mailCertificateSuspended } from "~/mail/notices.server";
import type { Db } from "~/utils/db.server";

export type GradeChange = { actorId: string | null; reason: SuspensionReason };

/**
 * The one place that decides completion (decision 011). Called inside every transaction that
 * changes a learner's progress or grades in a course (marking, quiz attempt, exercise attempt,
 * override, re-grade). It locks the enrollment row (concurrent changes serialise: the last one
 * sees them all), decides each lesson from the current grades, brings lesson_progress and the
 * enrollment in line, and issues, suspends or restores the certificate — audit-logged.
 */
export async function refreshEnrollment(
  tx: Db,
  userId: string,
  courseId: string,
  change: GradeChange = { actorId: userId, reason: "progress" },
): Promise<Certificate | null> {
  const now = new Date();
  const [enrollment] = await tx
    .insert(enrollments)
    .values({ id: randomUUID(), userId, courseId, startedAt: now })
    .onConflictDoUpdate({ target: [enrollments.userId, enrollments.courseId], set: { startedAt: sql`coalesce(${enrollments.startedAt}, now())` } })
    .returning({ cycleStartedAt: enrollments.cycleStartedAt, completedAt: enrollments.completedAt });
  const since = enrollment?.cycleStartedAt ?? new Date(0);
  const facts = await gradeFacts(tx, userId, courseId, since);
  const standing = courseStanding(facts);

  // lesson_progress follows the decision for graded lessons (a pass taken away un-completes it).
  const [course] = await tx.select({ version: courses.version }).from(courses).where(eq(courses.id, courseId));
  for (const f of facts) {
    if (f.kind === "lesson") continue;
    const complete = standing.standings.get(f.lessonId) === "complete";
    if (complete === f.marked) continue;
    if (complete) {
      await tx
        .insert(lessonProgress)
        .values({ id: randomUUID(), userId, lessonId: f.lessonId, courseId, courseVersion: course?.version ?? "", status: "completed", completedAt: now })
        .onConflictDoUpdate({ target: [lessonProgress.userId, lessonProgress.lessonId], set: { status: "completed", completedAt: now } });
    } else {
      await tx
        .update(lessonProgress)
        .set({ status: "started", completedAt: null })
        .where(and(eq(lessonProgress.userId, userId), eq(lessonProgress.lessonId, f.lessonId)));
    }
  }
  await tx
    .update(enrollments)
    .set({ completedLessons: standing.completedCount, completedAt: standing.complete ? sql`coalesce(${enrollments.completedAt}, now())` : null })
    .where(and(eq(enrollments.userId, userId), eq(enrollments.courseId, courseId)));

  const [current] = await tx
    .select()
    .from(certificates)
    .where(and(eq(certificates.userId, userId), eq(certificates.courseId, courseId), isNull(certificates.replacedBy)))
    .for("update")
    .limit(1);
  const step = certificateStep(
    standing,
    current ? { revoked: !!current.revokedAt, renewing: !!current.renewalStartedAt, suspended: !!current.suspendedAt } : null,
  );
  if (step === "issue") return issueIfDue(tx, userId, courseId);
  if (step === "suspend" && current) {
    const lesson = standing.failed[0]!.title;
    await tx.update(certificates).set({ suspendedAt: now, suspendedReason: change.reason, suspendedLesson: lesson }).where(eq(certificates.id, current.id));
    await mailCertificateSuspended(tx, current, now);
    await audit(tx, {
      actorId: change.actorId,
      action: "certificate.suspend",
      targetType: "certificate",
      targetId: current.id,
      details: { reason: change.reason, lesson },
    });
  }
  if (step === "restore" && current) {
    await tx.update(certificates).set({ suspendedAt: null, suspendedReason: null, suspendedLesson: null }).where(eq(certificates.id, current.id));
    await audit(tx, {
      actorId: change.actorId,
      action: "certificate.restore",
      targetType: "certificate",
      targetId: current.id,
      details: { reason: change.reason, suspendedSince: current.suspendedAt?.toISOString() },
    });
  }
  return null;
}

/** Every published lesson of the course with this learner's marks and this cycle's effective grades. */
async function gradeFacts(tx: Db, userId: string, courseId: string, since: Date): Promise<LessonFacts[]> {
  const rows = await tx
    .select({ lessonId: lessons.id, slug: lessons.slug, title: lessons.title, kind: lessons.kind, status: lessonProgress.status })
    .from(lessons)
    .leftJoin(lessonProgress, and(eq(lessonProgress.lessonId, lessons.id), eq(lessonProgress.userId, userId)))
    .where(and(eq(lessons.courseId, courseId), eq(lessons.active, true), eq(lessons.draft, false)))
    .orderBy(asc(lessons.position));
  const ids = rows.map((r) => r.lessonId);
  const graded = new Map<string, boolean[]>();
  const add = (lessonId: string, passed: boolean | null) => graded.set(lessonId, [...(graded.get(lessonId) ?? []), passed === true]);
  if (ids.length) {
    const finals = await tx
      .select({ lessonId: finalQuizAttempts.lessonId, passed: finalQuizAttempts.passed })
      .from(finalQuizAttempts)
      .where(
        and(
          eq(finalQuizAttempts.userId, userId),
          eq(finalQuizAttempts.courseId, courseId),
          eq(finalQuizAttempts.purpose, "final"),
          gte(finalQuizAttempts.submittedAt, since),
        ),
      );
    // Quiz attempts stored before decision 011 (one table for every quiz) still count for quiz lessons.
    const legacy = await tx
      .select({ lessonId: quizAttempts.lessonId, passed: quizAttempts.passed })
      .from(quizAttempts)
      .where(and(eq(quizAttempts.userId, userId), inArray(quizAttempts.lessonId, ids), gte(quizAttempts.createdAt, since)));
    const exercises = await tx
      .select({ lessonId: exerciseAttempts.lessonId, passed: sql<boolean | null>`coalesce(${exerciseAttempts.overridePassed}, ${exerciseAttempts.passed})` })
      .from(exerciseAttempts)
      .where(
        and(
          eq(exerciseAttempts.userId, userId),
          inArray(exerciseAttempts.lessonId, ids),
          eq(exerciseAttempts.status, "completed"),
          gte(exerciseAttempts.completedAt, since),
          // An attempt waiting in the review queue counts neither way until a trainer decides.
          or(isNull(exerciseAttempts.reviewStatus), ne(exerciseAttempts.reviewStatus, "pending")),
        ),
      );
    const kinds = new Map(rows.map((r) => [r.lessonId, r.kind]));
    for (const r of finals) add(r.lessonId, r.passed);
    for (const r of legacy) if (kinds.get(r.lessonId) === "quiz") add(r.lessonId, r.passed);
    for (const r of exercises) add(r.lessonId, r.passed);
  }
  return rows.map((r) => ({
    lessonId: r.lessonId,
    slug: r.slug,
    title: r.title,
    kind: r.kind,
    marked: r.status === "completed",
    graded: graded.get(r.lessonId) ?? [],
  }));
}

/** Issues when there is no current certificate, or the current one is being renewed (it gets replaced). */
async function issueIfDue(tx: Db, userId: string, courseId: string): Promise<Certificate | null> {
  const [current] = await tx
    .select()
    .from(certificates)
    .where(and(eq(certificates.userId, userId), eq(certificates.courseId, courseId), isNull(certificates.replacedBy)))
    .limit(1);
  if (current && !current.renewalStartedAt) return null;
  const [learner] = await tx
    .select({ name: users.name, nip: users.nip, agencyId: users.agencyId, agencyName: agencies.name })
    .from(users)
    .innerJoin(agencies, eq(agencies.id, users.agencyId))
    .where(eq(users.id, userId));
  const [course] = await tx.select().from(courses).where(eq(courses.id, courseId));
  if (!learner || !course) return null;
  const id = randomUUID();
  if (current) await tx.update(certificates).set({ replacedBy: id }).where(eq(certificates.id, current.id));
  const issuedAt = new Date();
  const [issued] = await tx
    .insert(certificates)
    .values({
      id,
      code: generateCertificateCode(),
      userId,
      courseId,
      learnerName: learner.name,
      learnerNip: learner.nip,
      agencyId: learner.agencyId,
      agencyName: learner.agencyName,
      courseTitle: course.title,
      courseVersion: course.version,
      jp: course.jp,
      issuedAt,
      expiresAt: expiryDate(issuedAt, course.validMonths),
    })
    .returning();
  // Issuer, signatory and status-list position are fixed with the certificate (decision 015).
  if (issued) await ensureIssuance(tx, issued);
  if (issued) await mailCertificateIssued(tx, issued);
  return issued ?? null;
}

export async function listOwnCertificates(db: Db, userId: string): Promise<Certificate[]> {
  return db.select().from(certificates).where(eq(certificates.userId, userId)).orderBy(desc(certificates.issuedAt));
}

export async function getOwnCertificate(db: Db, userId: string, code: string): Promise<Certificate | undefined> {
  const [row] = await db
    .select()
    .from(certificates)
    .where(and(eq(certificates.userId, userId), eq(certificates.code, code)))
    .limit(1);
  return row;
}

/** Public lookup by canonical code, with the code of the certificate that replaced it (if any). */
export async function findCertificateByCode(db: Db, code: string): Promise<(Certificate & { replacedByCode: string | null }) | null> {
  const [row] = await db.select().from(certificates).where(eq(certificates.code, code)).limit(1);
  if (!row) return null;
  let replacedByCode: string | null = null;
  if (row.replacedBy) {
    const [next] = await db.select({ code: certificates.code }).from(certificates).where(eq(certificates.id, row.replacedBy)).limit(1);
    replacedByCode = next?.code ?? null;
  }
  return { ...row, replacedByCode };
}

/**
 * Starts recertification: the learner's progress in the course is reset and the current
 * certificate is marked as being renewed; completing the course again issues a replacement.
 */
export async function startRecertification(
  db: Db,
  userId: string,
  courseId: string,
  opts: { confirmed: boolean; now?: Date } = { confirmed: true },
): Promise<boolean> {
  const now = opts.now ?? new Date();
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(certificates)
      .where(and(eq(certificates.userId, userId), eq(certificates.courseId, courseId), isNull(certificates.replacedBy), isNull(certificates.revokedAt)))
      .for("update")
      .limit(1);
    // Only when due (decision 011): from 90 days before expiry, expired or suspended; and confirmed.
    if (!current || !canRecertify(current, now) || !opts.confirmed) return false;
    await tx.update(certificates).set({ renewalStartedAt: now }).where(eq(certificates.id, current.id));
    await tx.delete(lessonProgress).where(and(eq(lessonProgress.userId, userId), eq(lessonProgress.courseId, courseId)));
    // Grades from before this moment no longer count towards completion.
    await tx
      .update(enrollments)
      .set({ completedLessons: 0, completedAt: null, cycleStartedAt: now })
      .where(and(eq(enrollments.userId, userId), eq(enrollments.courseId, courseId)));
    await audit(tx, { actorId: userId, action: "certificate.recertify", targetType: "certificate", targetId: current.id });
    return true;
  });
}

/**
 * Revokes `learnerId`'s certificate when that learner is inside `scopePath` (manager's subtree; admin "/");
 * audit-logged. False when the certificate is someone else's, out of scope or already revoked.
 */
export async function revokeCertificate(
  db: Db,
  actorId: string,
  scopePath: string,
  learnerId: string,
  certificateId: string,
  reason: string,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ id: certificates.id })
      .from(certificates)
      .innerJoin(users, eq(users.id, certificates.userId))
      .innerJoin(agencies, eq(agencies.id, users.agencyId))
      .where(and(eq(certificates.id, certificateId), eq(certificates.userId, learnerId), isNull(certificates.revokedAt), like(agencies.path, `${scopePath}%`)))
      .limit(1);
    if (!row) return false;
    await tx.update(certificates).set({ revokedAt: new Date(), revokedReason: reason, revokedBy: actorId }).where(eq(certificates.id, row.id));
    await audit(tx, { actorId, action: "certificate.revoke", targetType: "certificate", targetId: row.id, details: { reason } });
    return true;
  });
}
