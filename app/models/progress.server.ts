import { randomUUID } from "node:crypto";
import { and, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { enrollments, lessonProgress, quizAttempts, type LessonProgress, type QuizAttempt } from "../../db/schema";
import { refreshEnrollment } from "./certificate.server";
import type { QuizAnswers, QuizResult } from "~/learning/quiz";
import type { Db } from "~/utils/db.server";

type LessonRef = { lessonId: string; courseId: string; courseVersion: string };

export async function progressForCourse(db: Db, userId: string, courseId: string): Promise<LessonProgress[]> {
  return db
    .select()
    .from(lessonProgress)
    .where(and(eq(lessonProgress.userId, userId), eq(lessonProgress.courseId, courseId)));
}

const progressRowQuery = (db: Db) =>
  db
    .select()
    .from(lessonProgress)
    .where(and(eq(lessonProgress.userId, sql.placeholder("userId")), eq(lessonProgress.lessonId, sql.placeholder("lessonId"))))
    .limit(1)
    .prepare("sigap_lesson_progress_row");
// Read on every lesson page: the SQL is built once per database handle.
const progressRowQueries = new WeakMap<Db, ReturnType<typeof progressRowQuery>>();

export async function lessonProgressRow(db: Db, userId: string, lessonId: string): Promise<LessonProgress | undefined> {
  let query = progressRowQueries.get(db);
  if (!query) progressRowQueries.set(db, (query = progressRowQuery(db)));
  const [row] = await query.execute({ userId, lessonId });
  return row;
}

/** Records that the learner opened a lesson (for "continue where I left off"); never downgrades a completion. */
export async function touchLesson(db: Db, userId: string, ref: LessonRef) {
  const visit = db
    .insert(lessonProgress)
    .values({ id: randomUUID(), userId, ...ref, status: "started" })
    .onConflictDoUpdate({ target: [lessonProgress.userId, lessonProgress.lessonId], set: { lastSeenAt: new Date() } });
  // Opening a course enrols the learner (if no assignment did already) and marks it started;
  // an enrollment already started is left alone (no new row version, nothing for the rollups).
  const enrol = db
    .insert(enrollments)
    .values({ id: randomUUID(), userId, courseId: ref.courseId, startedAt: new Date() })
    .onConflictDoUpdate({
      target: [enrollments.userId, enrollments.courseId],
      set: { startedAt: sql`coalesce(${enrollments.startedAt}, now())` },
      setWhere: isNull(enrollments.startedAt),
    });
  // One statement (a data-modifying CTE runs whether or not it is read): one round trip and one
  // commit instead of two.
  await db.execute(sql`with visit as (${visit.getSQL()}) ${enrol.getSQL()}`);
}

/**
 * Marks a lesson complete inside `tx` (idempotent: a second call keeps the first completion)
 * and refreshes the enrollment, which may issue the certificate in the same transaction.
 */
export async function markLessonComplete(tx: Db, userId: string, ref: LessonRef) {
  const now = new Date();
  const mark = tx
    .insert(lessonProgress)
    .values({ id: randomUUID(), userId, ...ref, status: "completed", completedAt: now })
    .onConflictDoUpdate({
      target: [lessonProgress.userId, lessonProgress.lessonId],
      set: { status: "completed", completedAt: now, courseVersion: ref.courseVersion, lastSeenAt: now },
      setWhere: eq(lessonProgress.status, "started"),
    });
  // In the statement that locks the enrollment: one round trip for both.
  await refreshEnrollment(tx, userId, ref.courseId, undefined, { write: mark });
}

/** "Tandai selesai" on a reading lesson. */
export async function completeLesson(db: Db, userId: string, ref: LessonRef) {
  await db.transaction((tx) => markLessonComplete(tx, userId, ref));
}

/**
 * Stores a graded quiz attempt once per idempotency key (a double submit is a no-op) and
 * completes the lesson when `completes` is true. Returns whether this call stored it.
 */
export async function recordQuizAttempt(
  db: Db,
  userId: string,
  ref: LessonRef,
  attempt: { quizId: string; answers: QuizAnswers; result: QuizResult; passed: boolean; idempotencyKey: string; completes: boolean },
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const stored = await tx
      .insert(quizAttempts)
      .values({
        id: randomUUID(),
        userId,
        lessonId: ref.lessonId,
        quizId: attempt.quizId,
        answers: attempt.answers,
        score: attempt.result.score,
        passed: attempt.passed,
        courseVersion: ref.courseVersion,
        idempotencyKey: `${userId}:${attempt.idempotencyKey}`,
      })
      .onConflictDoNothing({ target: quizAttempts.idempotencyKey })
      .returning({ id: quizAttempts.id });
    if (stored.length) {
      const now = new Date();
      const completed = attempt.completes ? { status: "completed" as const, completedAt: now } : {};
      await tx
        .insert(lessonProgress)
        .values({ id: randomUUID(), userId, ...ref, status: "started", quizAnsweredAt: now, ...completed })
        .onConflictDoUpdate({
          target: [lessonProgress.userId, lessonProgress.lessonId],
          // A completion is never undone by a later, lower score.
          set: attempt.completes
            ? { quizAnsweredAt: now, status: "completed", completedAt: sql`coalesce(${lessonProgress.completedAt}, now())`, courseVersion: ref.courseVersion }
            : { quizAnsweredAt: now },
        });
      if (attempt.completes) await refreshEnrollment(tx, userId, ref.courseId);
    }
    return stored.length > 0;
  });
}

/** The learner's latest attempt per quiz id (to show results with explanations after answering). */
export async function latestQuizAttempts(db: Db, userId: string, quizIds: string[]): Promise<Map<string, QuizAttempt>> {
  if (quizIds.length === 0) return new Map();
  const rows = await db
    .select()
    .from(quizAttempts)
    .where(and(eq(quizAttempts.userId, userId), inArray(quizAttempts.quizId, quizIds)))
    .orderBy(desc(quizAttempts.createdAt));
  const latest = new Map<string, QuizAttempt>();
  for (const r of rows) if (!latest.has(r.quizId)) latest.set(r.quizId, r);
  return latest;
}
