import { randomUUID } from "node:crypto";
import { and, desc, eq, isNull, like, sql } from "drizzle-orm";
import { agencies, certificates, courses, enrollments, lessonProgress, lessons, users, type Certificate } from "../../db/schema";
import { generateCertificateCode } from "~/certificates/code";
import { courseComplete, expiryDate } from "~/certificates/rules";
import { audit } from "./audit.server";
import { ensureIssuance } from "./credential.server";
import { getDb, type Db } from "~/utils/db.server";

/**
 * Called inside every transaction that changes a learner's progress in a course. It locks the
 * enrollment row (so concurrent completions are serialised: the last one sees them all),
 * refreshes its counters and issues the certificate exactly once when the course is complete.
 */
export async function refreshEnrollment(tx: Db, userId: string, courseId: string): Promise<Certificate | null> {
  const now = new Date();
  await tx
    .insert(enrollments)
    .values({ id: randomUUID(), userId, courseId, startedAt: now })
    .onConflictDoUpdate({ target: [enrollments.userId, enrollments.courseId], set: { startedAt: sql`coalesce(${enrollments.startedAt}, now())` } });
  const [counts] = (await tx
    .select({
      lessonCount: sql<number>`count(*)::int`,
      completed: sql<number>`count(${lessonProgress.id}) filter (where ${lessonProgress.status} = 'completed')::int`,
    })
    .from(lessons)
    .leftJoin(lessonProgress, and(eq(lessonProgress.lessonId, lessons.id), eq(lessonProgress.userId, userId)))
    .where(and(eq(lessons.courseId, courseId), eq(lessons.active, true), eq(lessons.draft, false)))) as [{ lessonCount: number; completed: number }];
  const complete = courseComplete(counts.lessonCount, counts.completed);
  await tx
    .update(enrollments)
    .set({ completedLessons: counts.completed, completedAt: complete ? sql`coalesce(${enrollments.completedAt}, now())` : null })
    .where(and(eq(enrollments.userId, userId), eq(enrollments.courseId, courseId)));
  return complete ? issueIfDue(tx, userId, courseId) : null;
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
  // Issuer, signatory and status-list position are fixed with the certificate (decision 014).
  if (issued) await ensureIssuance(tx, issued);
  return issued ?? null;
}

export async function listOwnCertificates(userId: string): Promise<Certificate[]> {
  const db = await getDb();
  return db.select().from(certificates).where(eq(certificates.userId, userId)).orderBy(desc(certificates.issuedAt));
}

export async function getOwnCertificate(userId: string, code: string): Promise<Certificate | undefined> {
  const db = await getDb();
  const [row] = await db.select().from(certificates).where(and(eq(certificates.userId, userId), eq(certificates.code, code))).limit(1);
  return row;
}

/** Public lookup by canonical code, with the code of the certificate that replaced it (if any). */
export async function findCertificateByCode(code: string): Promise<(Certificate & { replacedByCode: string | null }) | null> {
  const db = await getDb();
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
export async function startRecertification(userId: string, courseId: string): Promise<boolean> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(certificates)
      .where(and(eq(certificates.userId, userId), eq(certificates.courseId, courseId), isNull(certificates.replacedBy), isNull(certificates.revokedAt)))
      .for("update")
      .limit(1);
    if (!current) return false;
    await tx.update(certificates).set({ renewalStartedAt: new Date() }).where(eq(certificates.id, current.id));
    await tx.delete(lessonProgress).where(and(eq(lessonProgress.userId, userId), eq(lessonProgress.courseId, courseId)));
    await tx.update(enrollments).set({ completedLessons: 0, completedAt: null }).where(and(eq(enrollments.userId, userId), eq(enrollments.courseId, courseId)));
    await audit({ actorId: userId, action: "certificate.recertify", targetType: "certificate", targetId: current.id }, tx);
    return true;
  });
}

/**
 * Revokes `learnerId`'s certificate when that learner is inside `scopePath` (manager's subtree; admin "/");
 * audit-logged. False when the certificate is someone else's, out of scope or already revoked.
 */
export async function revokeCertificate(actorId: string, scopePath: string, learnerId: string, certificateId: string, reason: string): Promise<boolean> {
  const db = await getDb();
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
    await audit({ actorId, action: "certificate.revoke", targetType: "certificate", targetId: row.id, details: { reason } }, tx);
    return true;
  });
}
