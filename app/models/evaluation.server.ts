import { randomUUID } from "node:crypto";
import { and, asc, desc, eq, gt, isNotNull, or, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { agencies, courseEvaluations, courses, enrollments, users, type CourseEvaluation } from "../../db/schema";
import { EDIT_DAYS, type RatingSums } from "~/learning/evaluation";
import type { EvaluationInput } from "~/learning/evaluation-schema.server";
import { inScope, type Scope } from "~/utils/permissions.server";
import type { Db } from "~/utils/db.server";

/** The learner's own evaluation of a course, and whether they may write one (course complete). */
export async function ownEvaluation(db: Db, userId: string, courseId: string): Promise<{ completed: boolean; evaluation: CourseEvaluation | null }> {
  const [[enrollment], [evaluation]] = await Promise.all([
    db
      .select({ completedAt: enrollments.completedAt })
      .from(enrollments)
      .where(and(eq(enrollments.userId, userId), eq(enrollments.courseId, courseId)))
      .limit(1),
    db
      .select()
      .from(courseEvaluations)
      .where(and(eq(courseEvaluations.userId, userId), eq(courseEvaluations.courseId, courseId)))
      .limit(1),
  ]);
  return { completed: !!enrollment?.completedAt, evaluation: evaluation ?? null };
}

export type SaveEvaluationResult = "saved" | "notComplete" | "locked";

/**
 * Stores the learner's evaluation: the first submit needs a completed course; later submits
 * change the same row while it is editable (EDIT_DAYS after the first). One statement decides
 * both, so a double or concurrent submit stores one row.
 */
export async function saveEvaluation(db: Db, userId: string, courseId: string, input: EvaluationInput, now = new Date()): Promise<SaveEvaluationResult> {
  return db.transaction(async (tx) => {
    const [course] = await tx.select({ version: courses.version }).from(courses).where(eq(courses.id, courseId)).limit(1);
    if (!course) return "notComplete";
    const [existing] = await tx
      .select({ id: courseEvaluations.id })
      .from(courseEvaluations)
      .where(and(eq(courseEvaluations.userId, userId), eq(courseEvaluations.courseId, courseId)))
      .limit(1);
    if (!existing) {
      const [enrollment] = await tx
        .select({ id: enrollments.id })
        .from(enrollments)
        .where(and(eq(enrollments.userId, userId), eq(enrollments.courseId, courseId), isNotNull(enrollments.completedAt)))
        .limit(1);
      if (!enrollment) return "notComplete";
    }
    const values = {
      relevance: input.relevance,
      clarity: input.clarity,
      practice: input.practice,
      time: input.time,
      recommend: input.recommend,
      comment: input.comment,
      planChange: input.planChange,
      planDue: input.planDue,
      planEvidence: input.planEvidence,
    };
    const stored = await tx
      .insert(courseEvaluations)
      .values({ id: randomUUID(), userId, courseId, courseVersion: course.version, ...values, submittedAt: now, updatedAt: now })
      .onConflictDoUpdate({
        target: [courseEvaluations.userId, courseEvaluations.courseId],
        set: { ...values, updatedAt: now },
        // Past the edit window the row stays as it was: nothing returned means "locked".
        setWhere: gt(courseEvaluations.submittedAt, new Date(now.getTime() - EDIT_DAYS * 86_400_000)),
      })
      .returning({ id: courseEvaluations.id });
    return stored.length > 0 ? "saved" : "locked";
  });
}

/** Per completed (or already evaluated) course of the learner: the course's slug and whether it is evaluated. */
export async function evaluationOffers(db: Db, userId: string): Promise<Map<string, { slug: string; submitted: boolean }>> {
  const rows = await db
    .select({ courseId: courses.id, slug: courses.slug, evaluationId: courseEvaluations.id })
    .from(enrollments)
    .innerJoin(courses, eq(courses.id, enrollments.courseId))
    .leftJoin(courseEvaluations, and(eq(courseEvaluations.userId, enrollments.userId), eq(courseEvaluations.courseId, enrollments.courseId)))
    .where(and(eq(enrollments.userId, userId), or(isNotNull(enrollments.completedAt), isNotNull(courseEvaluations.id))));
  return new Map(rows.map((r) => [r.courseId, { slug: r.slug, submitted: r.evaluationId !== null }]));
}

/** Rating sums per course and the learner's unit (their agency now), inside the scope. */
export async function surveySums(db: Db, scope: Scope): Promise<(RatingSums & { courseId: string; unitId: string; unitName: string })[]> {
  const e = courseEvaluations;
  const sum = (c: AnyPgColumn) => sql<number>`sum(${c})::int`.mapWith(Number);
  return db
    .select({
      courseId: e.courseId,
      unitId: agencies.id,
      unitName: agencies.name,
      responses: sql<number>`count(*)::int`.mapWith(Number),
      relevance: sum(e.relevance),
      clarity: sum(e.clarity),
      practice: sum(e.practice),
      time: sum(e.time),
      recommend: sum(e.recommend),
    })
    .from(e)
    .innerJoin(users, eq(users.id, e.userId))
    .innerJoin(agencies, eq(agencies.id, users.agencyId))
    .where(inScope(agencies.path, scope))
    .groupBy(e.courseId, agencies.id, agencies.name)
    .orderBy(asc(agencies.name));
}

export type ActionPlanRow = {
  userId: string;
  name: string;
  nip: string | null;
  unit: string;
  courseTitle: string;
  planChange: string;
  planDue: string;
  planEvidence: string;
  submittedAt: Date;
  updatedAt: Date;
};

/** The action plans of learners inside the scope, newest first (one course, or every course). */
export async function actionPlans(db: Db, scope: Scope, courseId: string | null, limit?: number): Promise<ActionPlanRow[]> {
  const e = courseEvaluations;
  const query = db
    .select({
      userId: users.id,
      name: users.name,
      nip: users.nip,
      unit: agencies.name,
      courseTitle: courses.title,
      planChange: e.planChange,
      planDue: e.planDue,
      planEvidence: e.planEvidence,
      submittedAt: e.submittedAt,
      updatedAt: e.updatedAt,
    })
    .from(e)
    .innerJoin(users, eq(users.id, e.userId))
    .innerJoin(agencies, eq(agencies.id, users.agencyId))
    .innerJoin(courses, eq(courses.id, e.courseId))
    .where(and(inScope(agencies.path, scope), courseId ? eq(e.courseId, courseId) : undefined))
    .orderBy(desc(e.submittedAt), asc(users.name), asc(e.id));
  return limit ? query.limit(limit) : query;
}

/** Comments of one course inside the scope, newest first, without who wrote them. */
export async function surveyComments(db: Db, scope: Scope, courseId: string, limit = 50): Promise<string[]> {
  const e = courseEvaluations;
  const rows = await db
    .select({ comment: e.comment, submittedAt: e.submittedAt })
    .from(e)
    .innerJoin(users, eq(users.id, e.userId))
    .innerJoin(agencies, eq(agencies.id, users.agencyId))
    .where(and(inScope(agencies.path, scope), eq(e.courseId, courseId), isNotNull(e.comment)))
    .orderBy(desc(e.submittedAt))
    .limit(limit);
  return rows.map((r) => r.comment!);
}
