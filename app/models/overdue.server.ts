/**
 * Overdue learners: unfinished enrolments past their due date, of active accounts in the scope —
 * the assignment page's reminder list, the head report's groups, and the reminder itself.
 */
import { and, asc, eq, isNull, like, sql, type SQL } from "drizzle-orm";
import { agencies, courses, enrollments, users } from "../../db/schema";
import { mailOverdueReminders } from "~/mail/notices.server";
import type { Db } from "~/utils/db.server";
import { audit } from "./audit.server";

/** Unfinished enrolments due before `day`, of active learners whose agency lies in the scope. */
const overdueIn = (scopePath: string, day: SQL) =>
  and(like(agencies.path, `${scopePath}%`), isNull(enrollments.completedAt), sql`${enrollments.dueDate} < ${day}`, eq(users.disabled, false));

/**
 * Learners past their due date in the scope, oldest due date first: the reminder list (the first
 * `limit`), or with `only` every one of them for one course and due date (a reminder's recipients).
 */
export async function overdueLearners(db: Db, scopePath: string, opts: { only?: { courseId: string; dueDate: string }; limit?: number } = {}) {
  const { only, limit } = opts;
  const query = db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      unit: agencies.name,
      courseId: enrollments.courseId,
      courseTitle: courses.title,
      courseSlug: courses.slug,
      dueDate: enrollments.dueDate,
      completedLessons: enrollments.completedLessons,
    })
    .from(enrollments)
    .innerJoin(users, eq(users.id, enrollments.userId))
    .innerJoin(agencies, eq(agencies.id, users.agencyId))
    .innerJoin(courses, eq(courses.id, enrollments.courseId))
    .where(
      and(
        overdueIn(scopePath, sql`current_date`),
        only ? eq(enrollments.courseId, only.courseId) : undefined,
        only ? sql`${enrollments.dueDate} = ${only.dueDate}::date` : undefined,
      ),
    )
    .orderBy(asc(enrollments.dueDate), asc(courses.title), asc(users.name))
    .$dynamic();
  return limit === undefined ? query : query.limit(limit);
}

/**
 * Overdue learners per course and due date (one group per assignment, or per batch of individual
 * assignments), scoped by the learner's agency. `asOf` is the day due dates are compared with.
 */
export async function overdueGroups(db: Db, scopePath: string, asOf: string | null = null) {
  const day = asOf ? sql`${asOf}::date` : sql`current_date`;
  const rows = await db
    .select({
      courseId: enrollments.courseId,
      courseTitle: courses.title,
      dueDate: sql<string>`${enrollments.dueDate}::text`,
      assigned: sql<boolean>`bool_or(${enrollments.assignmentId} is not null)`,
      learners: sql<number>`count(*)::int`,
    })
    .from(enrollments)
    .innerJoin(users, eq(users.id, enrollments.userId))
    .innerJoin(agencies, eq(agencies.id, users.agencyId))
    .innerJoin(courses, eq(courses.id, enrollments.courseId))
    .where(overdueIn(scopePath, day))
    .groupBy(enrollments.courseId, courses.title, enrollments.dueDate)
    .orderBy(asc(enrollments.dueDate), asc(courses.title));
  return rows;
}

/**
 * Reminds the overdue learners of one course and due date: records the reminder in the audit
 * log, queues an e-mail to each (mailOverdueReminders) and returns the message for other
 * channels (the manager can copy it into a work chat). Null when nobody in the scope is overdue for it.
 * `compose` turns the course, due date and link into the message (the route's translator).
 */
export async function remindOverdue(
  db: Db,
  actorId: string,
  scopePath: string,
  target: { courseId: string; dueDate: string },
  compose: (course: { title: string; slug: string }, dueDate: string) => string,
) {
  const recipients = await overdueLearners(db, scopePath, { only: target });
  const first = recipients[0];
  if (!first) return null;
  const message = compose({ title: first.courseTitle, slug: first.courseSlug }, target.dueDate);
  // The audit entry and the e-mails go together: a failed queue leaves no "reminded" record.
  const mailed = await db.transaction(async (tx) => {
    await audit(tx, {
      actorId,
      action: "assignment.remind",
      targetType: "course",
      targetId: target.courseId,
      details: { dueDate: target.dueDate, learners: recipients.length },
    });
    const today = new Date(Date.now() + 7 * 3600e3).toISOString().slice(0, 10);
    return mailOverdueReminders(
      tx,
      { courseTitle: first.courseTitle, courseSlug: first.courseSlug, dueDate: target.dueDate, userIds: recipients.map((r) => r.id) },
      today,
    );
  });
  return { message, mailed, courseTitle: first.courseTitle, recipients: recipients.map((r) => ({ id: r.id, name: r.name, email: r.email })) };
}
