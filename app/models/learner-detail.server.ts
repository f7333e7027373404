/** The learner-detail page (/kelola/peserta/:id): one learner of the subtree, their courses, attempts and certificates. */
import { and, eq, like, sql } from "drizzle-orm";
import { agencies, certificates, courses, enrollments, exerciseAttempts, lessons, users } from "../../db/schema";
import type { Db } from "~/utils/db.server";
import { publishedLessonCount } from "./course.server";

/** Everything the learner-detail page shows, or null when the learner is outside the subtree. */
export async function learnerDetail(db: Db, scopePath: string, userId: string) {
  const [learner] = await db
    .select({ id: users.id, name: users.name, nip: users.nip, email: users.email, unit: agencies.name })
    .from(users)
    .innerJoin(agencies, eq(agencies.id, users.agencyId))
    .where(and(eq(users.id, userId), like(agencies.path, `${scopePath}%`)))
    .limit(1);
  if (!learner) return null;
  const [progress, attempts, certs] = await Promise.all([
    db
      .select({
        courseTitle: courses.title,
        completedLessons: enrollments.completedLessons,
        dueDate: enrollments.dueDate,
        completedAt: enrollments.completedAt,
        lessonCount: publishedLessonCount(),
      })
      .from(enrollments)
      .innerJoin(courses, eq(courses.id, enrollments.courseId))
      .where(eq(enrollments.userId, userId)),
    db
      .select({
        id: exerciseAttempts.id,
        slug: exerciseAttempts.exerciseSlug,
        // The lesson's title, as the learner saw it (the slug is a file name, not a name).
        title: lessons.title,
        kind: exerciseAttempts.kind,
        score: exerciseAttempts.score,
        passed: exerciseAttempts.passed,
        overrideScore: exerciseAttempts.overrideScore,
        overridePassed: exerciseAttempts.overridePassed,
        completedAt: exerciseAttempts.completedAt,
      })
      .from(exerciseAttempts)
      .leftJoin(lessons, eq(lessons.id, exerciseAttempts.lessonId))
      .where(and(eq(exerciseAttempts.userId, userId), eq(exerciseAttempts.status, "completed")))
      .orderBy(sql`${exerciseAttempts.completedAt} desc`)
      .limit(100),
    db
      .select()
      .from(certificates)
      .where(eq(certificates.userId, userId))
      .orderBy(sql`${certificates.issuedAt} desc`),
  ]);
  return { learner, progress, attempts, certs };
}
