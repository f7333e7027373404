/**
 * Enrolment writes: course assignments to an agency subtree or to chosen learners (with due
 * dates), their changes and cancellation, and the enrolments they make; plus the learner's own
 * list of enrolled courses.
 */
import { randomUUID } from "node:crypto";
import { and, asc, eq, inArray, isNull, like, sql } from "drizzle-orm";
import { agencies, courseAssignments, courses, enrollments, users, type Agency } from "../../db/schema";
import type { Db } from "~/utils/db.server";
import { audit } from "./audit.server";
import { publishedLessonCount } from "./course.server";

/**
 * Assigns a course to an agency subtree with a due date: enrols everyone there now (one
 * INSERT … SELECT) and, through enrollForAssignments, everyone who joins later.
 */
export async function assignCourse(db: Db, actorId: string, input: { courseId: string; agency: Pick<Agency, "id" | "path">; dueDate: string }) {
  return db.transaction(async (tx) => {
    const [assignment] = await tx
      .insert(courseAssignments)
      .values({ id: randomUUID(), courseId: input.courseId, agencyId: input.agency.id, dueDate: input.dueDate, createdBy: actorId })
      .onConflictDoUpdate({ target: [courseAssignments.courseId, courseAssignments.agencyId], set: { dueDate: input.dueDate } })
      .returning();
    const result = await tx.execute(sql`
      insert into ${enrollments} (id, user_id, course_id, assignment_id, due_date)
      select gen_random_uuid()::text, ${users.id}, ${input.courseId}, ${assignment!.id}, ${input.dueDate}::date
      from ${users} join ${agencies} on ${agencies.id} = ${users.agencyId}
      where ${agencies.path} like ${input.agency.path + "%"} and not ${users.disabled}
      on conflict (user_id, course_id) do update set assignment_id = excluded.assignment_id, due_date = excluded.due_date`);
    await audit(tx, {
      actorId,
      action: "course.assign",
      targetType: "agency",
      targetId: input.agency.id,
      details: { courseId: input.courseId, dueDate: input.dueDate },
    });
    return {
      assignment: assignment!,
      enrolled: (result as unknown as { affectedRows?: number; count?: number }).affectedRows ?? (result as unknown as { count?: number }).count ?? null,
    };
  });
}

/** Enrols a new or moved user in every course assigned to their agency or one above it. */
export async function enrollForAssignments(db: Db, userId: string, agencyPath: string) {
  await db.execute(sql`
    insert into ${enrollments} (id, user_id, course_id, assignment_id, due_date)
    select gen_random_uuid()::text, ${userId}, ${courseAssignments.courseId}, ${courseAssignments.id}, ${courseAssignments.dueDate}
    from ${courseAssignments} join ${agencies} on ${agencies.id} = ${courseAssignments.agencyId}
    where ${agencyPath} like ${agencies.path} || '%'
    on conflict (user_id, course_id) do nothing`);
}

export async function listAssignments(db: Db, scopePath: string) {
  return db
    .select({ id: courseAssignments.id, courseTitle: courses.title, agencyName: agencies.name, dueDate: courseAssignments.dueDate })
    .from(courseAssignments)
    .innerJoin(courses, eq(courses.id, courseAssignments.courseId))
    .innerJoin(agencies, eq(agencies.id, courseAssignments.agencyId))
    .where(like(agencies.path, `${scopePath}%`))
    .orderBy(asc(courseAssignments.dueDate));
}

/** The learner's enrolled courses with due dates and progress, overdue first (home page). */
export async function myAssignedCourses(db: Db, userId: string) {
  const rows = await db
    .select({
      slug: courses.slug,
      title: courses.title,
      dueDate: enrollments.dueDate,
      completedLessons: enrollments.completedLessons,
      completedAt: enrollments.completedAt,
      lessonCount: publishedLessonCount(),
    })
    .from(enrollments)
    .innerJoin(courses, eq(courses.id, enrollments.courseId))
    .where(eq(enrollments.userId, userId));
  const today = new Date().toISOString().slice(0, 10);
  return rows
    .map((r) => ({ ...r, overdue: !r.completedAt && !!r.dueDate && r.dueDate < today }))
    .sort((a, b) => Number(b.overdue) - Number(a.overdue) || (a.dueDate ?? "9999").localeCompare(b.dueDate ?? "9999"));
}

/** One assignment inside the scope (by its agency), or null: the id of another agency's assignment reveals nothing. */
async function assignmentInScope(db: Db, scopePath: string, assignmentId: string) {
  const [row] = await db
    .select({
      id: courseAssignments.id,
      dueDate: courseAssignments.dueDate,
      courseId: courseAssignments.courseId,
      agencyId: courseAssignments.agencyId,
      courseTitle: courses.title,
      agencyName: agencies.name,
    })
    .from(courseAssignments)
    .innerJoin(agencies, eq(agencies.id, courseAssignments.agencyId))
    .innerJoin(courses, eq(courses.id, courseAssignments.courseId))
    .where(and(eq(courseAssignments.id, assignmentId), like(agencies.path, `${scopePath}%`)))
    .limit(1);
  return row ?? null;
}

/** Moves an assignment's due date, for everyone it enrolled who has not finished yet. Null when not in scope. */
export async function changeAssignmentDue(db: Db, actorId: string, scopePath: string, assignmentId: string, dueDate: string) {
  return db.transaction(async (tx) => {
    const assignment = await assignmentInScope(tx, scopePath, assignmentId);
    if (!assignment) return null;
    await tx.update(courseAssignments).set({ dueDate }).where(eq(courseAssignments.id, assignmentId));
    await tx
      .update(enrollments)
      .set({ dueDate })
      .where(and(eq(enrollments.assignmentId, assignmentId), isNull(enrollments.completedAt)));
    await audit(tx, {
      actorId,
      action: "assignment.due",
      targetType: "agency",
      targetId: assignment.agencyId,
      details: { dueDate: { from: assignment.dueDate, to: dueDate } },
    });
    return { ...assignment, dueDate };
  });
}

/**
 * Cancels an assignment. Enrolments nobody started are removed; everyone who started keeps their
 * progress, attempts and certificates, and simply has no due date any more. Null when not in scope.
 */
export async function cancelAssignment(db: Db, actorId: string, scopePath: string, assignmentId: string) {
  return db.transaction(async (tx) => {
    const assignment = await assignmentInScope(tx, scopePath, assignmentId);
    if (!assignment) return null;
    const removed = await tx
      .delete(enrollments)
      .where(and(eq(enrollments.assignmentId, assignmentId), isNull(enrollments.startedAt), eq(enrollments.completedLessons, 0)))
      .returning({ id: enrollments.id });
    const kept = await tx
      .update(enrollments)
      .set({ assignmentId: null, dueDate: null })
      .where(eq(enrollments.assignmentId, assignmentId))
      .returning({ id: enrollments.id });
    await tx.delete(courseAssignments).where(eq(courseAssignments.id, assignmentId));
    await audit(tx, {
      actorId,
      action: "assignment.cancel",
      targetType: "agency",
      targetId: assignment.agencyId,
      details: { removed: removed.length, kept: kept.length },
    });
    return { ...assignment, removed: removed.length, kept: kept.length };
  });
}

/**
 * Assigns a course to chosen learners with a due date (no agency assignment: the enrolment
 * carries the due date). All or nothing: when any id is not an active learner account inside
 * the scope, nothing is written and those ids come back in `refused`. A learner already enrolled
 * gets the due date unless they have finished the course.
 */
export async function assignToLearners(db: Db, actorId: string, scopePath: string, input: { courseId: string; userIds: string[]; dueDate: string }) {
  const wanted = [...new Set(input.userIds)];
  return db.transaction(async (tx) => {
    const found = wanted.length
      ? await tx
          .select({ id: users.id })
          .from(users)
          .innerJoin(agencies, eq(agencies.id, users.agencyId))
          .where(and(inArray(users.id, wanted), like(agencies.path, `${scopePath}%`), eq(users.disabled, false), sql`${users.role} <> 'admin'`))
      : [];
    const ok = new Set(found.map((f) => f.id));
    const refused = wanted.filter((id) => !ok.has(id));
    if (refused.length || wanted.length === 0) return { refused, assigned: 0 };
    const rows = await tx
      .insert(enrollments)
      .values(wanted.map((userId) => ({ id: randomUUID(), userId, courseId: input.courseId, dueDate: input.dueDate })))
      .onConflictDoUpdate({
        target: [enrollments.userId, enrollments.courseId],
        set: { dueDate: sql`excluded.due_date` },
        setWhere: isNull(enrollments.completedAt),
      })
      .returning({ id: enrollments.id });
    await audit(tx, {
      actorId,
      action: "course.assign-learners",
      targetType: "course",
      targetId: input.courseId,
      details: { dueDate: input.dueDate, learners: wanted.length },
    });
    return { refused: [] as string[], assigned: rows.length };
  });
}

/** Active accounts inside the scope with these NIPs (for assigning by a pasted NIP list). */
export async function learnersByNip(db: Db, scopePath: string, nips: string[]) {
  if (nips.length === 0) return [];
  return db
    .select({ id: users.id, nip: users.nip })
    .from(users)
    .innerJoin(agencies, eq(agencies.id, users.agencyId))
    .where(and(inArray(users.nip, nips), like(agencies.path, `${scopePath}%`), eq(users.disabled, false), sql`${users.role} <> 'admin'`));
}
