import { randomUUID } from "node:crypto";
import { and, asc, eq, gte, inArray, isNull, like, sql } from "drizzle-orm";
import {
  agencies,
  certificates,
  certificateSubtreeRollups,
  courseAssignments,
  courses,
  enrollments,
  enrollmentSubtreeRollups,
  exerciseAttempts,
  lessons,
  users,
  type Agency,
} from "../../db/schema";
import { enrollmentStatus, type EnrollmentStatus } from "~/learning/enrollment-status";
import { STATUS_KEYS, type StatusCounts } from "~/learning/status-counts";
import { unitTree, type OpenUnits, type UnitSort } from "~/learning/unit-tree";

export { STATUS_KEYS, type StatusCounts };
import { mailOverdueReminders } from "~/mail/notices.server";
import { audit } from "./audit.server";
import { meanScoresInScope } from "./final-quiz.server";
import { underDutySummary } from "./jp-ledger.server";
import { getDb, type Db } from "~/utils/db.server";
import type { Scope } from "~/utils/permissions.server";

const zero = (): StatusCounts => ({ enrolled: 0, notStarted: 0, inProgress: 0, completed: 0, certified: 0, expiring: 0, expired: 0, overdue: 0 });

/**
 * Enrollment and certificate counters from the trigger-maintained subtree rollups, where each
 * agency's rows already cover everything below it: per course for the scope's top agencies, or
 * per agency for one course. The agencies are checked against the scope in SQL here, whatever
 * ids the caller passes. One query, a few hundred rows for a province.
 */
async function subtreeCounts(
  db: Db,
  scopePath: string,
  group: { by: "course" } | { by: "agency"; courseId: string | null; agencyIds: string[] | "all" },
  asOf: string | null = null,
): Promise<Map<string, StatusCounts>> {
  const e = enrollmentSubtreeRollups;
  const c = certificateSubtreeRollups;
  // The day expiry and due dates are compared with: today, or the head report's chosen date.
  const day = asOf ? sql`${asOf}::date` : sql`current_date`;
  const forCourse = (courseId: typeof e.courseId | typeof c.courseId) => (group.by === "agency" && group.courseId ? eq(courseId, group.courseId) : undefined);
  const inScope = like(agencies.path, `${scopePath}%`);
  // The scope's top agencies: the manager's own agency, or for an admin ("/") every root.
  const agencyFilter =
    group.by === "course"
      ? and(inScope, sql`(${agencies.path} = ${scopePath} or ${agencies.parentId} is null)`)
      : group.agencyIds === "all"
        ? inScope // the whole tree is open: no list of 2,000 ids to send and match
        : and(inScope, inArray(agencies.id, group.agencyIds));
  const ancestors = (ancestorId: typeof e.ancestorId | typeof c.ancestorId) =>
    sql`${ancestorId} in (select ${agencies.id} from ${agencies} where ${agencyFilter})`;
  const sum = (n: typeof e.n | typeof c.n, filter?: ReturnType<typeof sql>) =>
    filter ? sql<number>`coalesce(sum(${n}) filter (where ${filter}), 0)::int` : sql<number>`coalesce(sum(${n}), 0)::int`;
  const byCourse = group.by === "course";
  const enrolled = db.$with("enrolled").as(
    db
      .select({
        key: sql<string>`${byCourse ? e.courseId : e.ancestorId}`.as("ekey"),
        enrolled: sum(e.n).as("enrolled"),
        notStarted: sum(e.n, sql`${e.state} = 'not_started'`).as("not_started"),
        inProgress: sum(e.n, sql`${e.state} = 'in_progress'`).as("in_progress"),
        completed: sum(e.n, sql`${e.state} = 'completed'`).as("completed"),
        overdue: sum(e.n, sql`${e.state} <> 'completed' and ${e.dueDate} < ${day}`).as("overdue"),
      })
      .from(e)
      .where(and(ancestors(e.ancestorId), forCourse(e.courseId)))
      .groupBy(sql`1`),
  );
  const certified = db.$with("certified").as(
    db
      .select({
        key: sql<string>`${byCourse ? c.courseId : c.ancestorId}`.as("ckey"),
        certified: sum(c.n, sql`${c.expiresOn} > ${day}`).as("certified"),
        expiring: sum(c.n, sql`${c.expiresOn} > ${day} and ${c.expiresOn} <= ${day} + 60`).as("expiring"),
        expired: sum(c.n, sql`${c.expiresOn} <= ${day}`).as("expired"),
      })
      .from(c)
      .where(and(ancestors(c.ancestorId), forCourse(c.courseId)))
      .groupBy(sql`1`),
  );
  const rows = await db
    .with(enrolled, certified)
    .select({
      key: sql<string>`coalesce(${enrolled.key}, ${certified.key})`,
      enrolled: enrolled.enrolled,
      notStarted: enrolled.notStarted,
      inProgress: enrolled.inProgress,
      completed: enrolled.completed,
      overdue: enrolled.overdue,
      certified: certified.certified,
      expiring: certified.expiring,
      expired: certified.expired,
    })
    .from(enrolled)
    .fullJoin(certified, sql`${enrolled.key} = ${certified.key}`);
  // A key missing on one side of the full join comes back with nulls there.
  return new Map(rows.map(({ key, ...counts }) => [key, Object.fromEntries(STATUS_KEYS.map((k) => [k, counts[k] ?? 0])) as StatusCounts]));
}

type CourseOption = Awaited<ReturnType<typeof publishedCourses>>[number];
export type DashboardView = { open: OpenUnits; sort: UnitSort };

/**
 * Dashboard numbers for a manager's subtree: totals per course, and for the selected course the
 * rows of the unit tree that are open (each with its whole subtree rolled up). The course totals
 * and the agency list are read together; then one query for the shown rows' counters.
 */
export async function dashboardStats(
  scopePath: string,
  courseRows: CourseOption[],
  selected: string | null,
  view: DashboardView = { open: "default", sort: "unit" },
) {
  const db = await getDb();
  const [perCourse, tree] = await Promise.all([
    subtreeCounts(db, scopePath, { by: "course" }),
    db
      .select({ id: agencies.id, parentId: agencies.parentId, name: agencies.name, code: agencies.code })
      .from(agencies)
      .where(like(agencies.path, `${scopePath}%`)),
  ]);
  const shape = unitTree(tree);
  const byAgency = selected
    ? await subtreeCounts(db, scopePath, { by: "agency", courseId: selected, agencyIds: view.open === "all" ? "all" : shape.visibleIds(view.open) })
    : new Map<string, StatusCounts>();
  // Only the opened part of the tree goes to the page: a province's 2,000 rows would be ~1 MB.
  const units = shape.visible(view.open, view.sort, (id) => byAgency.get(id) ?? zero());
  return {
    courses: courseRows.map((c) => ({ ...c, counts: perCourse.get(c.id) ?? zero() })),
    selectedCourseId: selected,
    units,
    openIds: units.filter((u) => u.expanded).map((u) => u.id),
    allOpen: view.open === "all",
  };
}

/**
 * Everything the dashboard page shows for a subtree and course (default: the first published
 * course), with all queries in flight together.
 */
export async function dashboardPage(scopePath: string, requestedCourseId: string | null, view?: DashboardView) {
  const courseRows = await publishedCourses();
  const courseId = requestedCourseId || (courseRows[0]?.id ?? null);
  const [stats, monthly, means] = await Promise.all([
    dashboardStats(scopePath, courseRows, courseId, view),
    certificatesPerMonth(scopePath, courseId),
    meanScoresInScope(scopePath),
  ]);
  return { ...stats, monthly, gain: learningGain(courseRows, means) };
}

/** Mean pre-test vs final-quiz score per course (LAN learning gain), only for courses with any. */
function learningGain(courseRows: { id: string; title: string }[], means: Awaited<ReturnType<typeof meanScoresInScope>>) {
  return courseRows.flatMap((c) => {
    const pre = means.find((m) => m.courseId === c.id && m.purpose === "pretest") ?? null;
    const post = means.find((m) => m.courseId === c.id && m.purpose === "final") ?? null;
    return pre || post
      ? [{ courseId: c.id, title: c.title, pre: pre && { mean: pre.mean, learners: pre.learners }, post: post && { mean: post.mean, learners: post.learners } }]
      : [];
  });
}

/** Published lessons of the joined course (the "total" of "N of M lessons"). */
const publishedLessonCount = () => sql<number>`(select count(*)::int from lessons l where l.course_id = ${courses.id} and l.active and not l.draft)`;

/** Certificates issued per month (Jakarta time) in the last 12 months, scoped by the agency at issue. */
export async function certificatesPerMonth(scopePath: string, courseId: string | null): Promise<{ month: string; count: number }[]> {
  const db = await getDb();
  const month = sql<string>`to_char(date_trunc('month', ${certificates.issuedAt} at time zone 'Asia/Jakarta'), 'YYYY-MM')`;
  const rows = await db
    .select({ month, count: sql<number>`count(*)::int` })
    .from(certificates)
    .innerJoin(agencies, eq(agencies.id, certificates.agencyId))
    .where(
      and(
        like(agencies.path, `${scopePath}%`),
        courseId ? eq(certificates.courseId, courseId) : undefined,
        gte(certificates.issuedAt, sql`now() - interval '12 months'`),
      ),
    )
    .groupBy(month)
    .orderBy(month);
  return rows;
}

/**
 * Assigns a course to an agency subtree with a due date: enrols everyone there now (one
 * INSERT … SELECT) and, through enrollForAssignments, everyone who joins later.
 */
export async function assignCourse(actorId: string, input: { courseId: string; agency: Pick<Agency, "id" | "path">; dueDate: string }) {
  const db = await getDb();
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
    await audit(
      { actorId, action: "course.assign", targetType: "agency", targetId: input.agency.id, details: { courseId: input.courseId, dueDate: input.dueDate } },
      tx,
    );
    return {
      assignment: assignment!,
      enrolled: (result as unknown as { affectedRows?: number; count?: number }).affectedRows ?? (result as unknown as { count?: number }).count ?? null,
    };
  });
}

/** Enrols a new or moved user in every course assigned to their agency or one above it. */
export async function enrollForAssignments(tx: Db, userId: string, agencyPath: string) {
  await tx.execute(sql`
    insert into ${enrollments} (id, user_id, course_id, assignment_id, due_date)
    select gen_random_uuid()::text, ${userId}, ${courseAssignments.courseId}, ${courseAssignments.id}, ${courseAssignments.dueDate}
    from ${courseAssignments} join ${agencies} on ${agencies.id} = ${courseAssignments.agencyId}
    where ${agencyPath} like ${agencies.path} || '%'
    on conflict (user_id, course_id) do nothing`);
}

export async function listAssignments(scopePath: string) {
  const db = await getDb();
  return db
    .select({ id: courseAssignments.id, courseTitle: courses.title, agencyName: agencies.name, dueDate: courseAssignments.dueDate })
    .from(courseAssignments)
    .innerJoin(courses, eq(courses.id, courseAssignments.courseId))
    .innerJoin(agencies, eq(agencies.id, courseAssignments.agencyId))
    .where(like(agencies.path, `${scopePath}%`))
    .orderBy(asc(courseAssignments.dueDate));
}

/** The learner's enrolled courses with due dates and progress, overdue first (home page). */
export async function myAssignedCourses(userId: string) {
  const db = await getDb();
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

export type LearnerFilters = { unitId?: string | null; courseId?: string | null; status?: EnrollmentStatus | null; lowJp?: boolean; q?: string };
export type LearnerRow = {
  id: string;
  name: string;
  nip: string | null;
  unit: string;
  courseTitle: string | null;
  status: EnrollmentStatus | null;
  completedLessons: number;
  dueDate: string | null;
  certCode: string | null;
  certExpiresAt: Date | null;
  jp: number;
};

/**
 * A learner's place in the table's sort order (agency path, name, id). It stays on the server:
 * the page URL carries only the last row's user id, so no name ends up in links or logs.
 */
type LearnerKey = { path: string; name: string; id: string };

export const LEARNER_PAGE_SIZE = 100;

/** A learner-table row as the queries return it, before the status is worked out. */
type PersonRow = {
  id: string;
  name: string;
  nip: string | null;
  unit: string;
  path: string;
  enrollmentId: string | null;
  completedLessons: number | null;
  startedAt: Date | null;
  completedAt: Date | null;
  dueDate: string | null;
  certCode: string | null;
  certExpiresAt: Date | null;
  certRevokedAt: Date | null;
  courseTitle: string | null;
  jp: number;
};

/** The status of `enrollmentStatus()` in SQL, so filters apply before the page limit. */
const statusSql = sql<string>`case
  when ${enrollments.id} is null then 'not-enrolled'
  when ${certificates.expiresAt} is not null and ${certificates.revokedAt} is null and ${certificates.suspendedAt} is null then
    case when ${certificates.expiresAt} > now() then 'certified' else 'expired' end
  when ${enrollments.completedAt} is not null then 'completed'
  when ${enrollments.dueDate} < (now() at time zone 'UTC')::date then 'overdue'
  when ${enrollments.startedAt} is not null or ${enrollments.completedLessons} > 0 then 'in-progress'
  else 'not-started' end`;

/** The subtree the learner table lists: the scope, or the chosen unit if it lies inside the scope (else null). */
async function listedSubtree(db: Db, scopePath: string, unitId: string | null | undefined): Promise<string | null> {
  if (!unitId) return scopePath;
  const [unit] = await db
    .select({ path: agencies.path })
    .from(agencies)
    .where(and(eq(agencies.id, unitId), like(agencies.path, `${scopePath}%`)));
  return unit?.path ?? null;
}

/**
 * The sort key of a learner in the subtree, by primary key. Null for an unknown id or anyone
 * outside the subtree, so a cursor never tells where someone else would sort.
 */
async function learnerKey(db: Db, subtreePath: string, userId: string): Promise<LearnerKey | null> {
  const [key] = await db
    .select({ path: agencies.path, name: users.name, id: users.id })
    .from(users)
    .innerJoin(agencies, eq(agencies.id, users.agencyId))
    .where(and(eq(users.id, userId), like(agencies.path, `${subtreePath}%`)))
    .limit(1);
  return key ?? null;
}

/**
 * One page of learners with their status in one course and JP this year — listed `subtreePath`
 * in SQL, filtered in SQL, and paged by keyset (agency path, name, id) so a province of 100,000
 * learners costs the same per page as one unit. `last` is the last row's key when more follow.
 */
async function learnerRows(
  db: Db,
  path: string,
  f: LearnerFilters,
  after: LearnerKey | null,
  limit: number,
): Promise<{ rows: LearnerRow[]; last: LearnerKey | null }> {
  const yearStart = new Date(Date.UTC(new Date(Date.now() + 7 * 3600e3).getUTCFullYear(), 0, 1) - 7 * 3600e3);
  const jp = sql<number>`coalesce((select sum(c2.jp) from ${certificates} c2 where c2.user_id = ${users.id} and c2.revoked_at is null and c2.suspended_at is null and c2.issued_at >= ${yearStart.toISOString()}), 0)::float`;
  const q = f.q?.trim();
  const fields = {
    id: users.id,
    name: users.name,
    nip: users.nip,
    enrollmentId: sql<string | null>`${enrollments.id}`.as("enrollment_id"),
    completedLessons: enrollments.completedLessons,
    startedAt: enrollments.startedAt,
    completedAt: enrollments.completedAt,
    dueDate: enrollments.dueDate,
    certCode: certificates.code,
    certExpiresAt: certificates.expiresAt,
    // A suspended certificate (decision 011) does not count while suspended, like a revoked one.
    certRevokedAt: sql<Date | null>`coalesce(${certificates.revokedAt}, ${certificates.suspendedAt})`.mapWith(certificates.revokedAt).as("cert_void_at"),
    courseTitle: courses.title,
    jp: jp.as("jp"),
  };
  const personFilters = [
    eq(users.disabled, false),
    q ? sql`(${users.name} ilike ${`%${q}%`} or ${users.nip} like ${`%${q}%`})` : undefined,
    f.status && f.courseId ? sql`${statusSql} = ${f.status}` : undefined,
    f.lowJp ? sql`${jp} < 20` : undefined,
  ];
  let rows: PersonRow[];
  if (f.courseId && (f.status === "certified" || f.status === "expired")) {
    // Certificate states are usually a small share of a province: start from the certificates
    // of the course (index on course and expiry) and sort the few matches.
    rows = await db
      .select({ ...fields, unit: agencies.name, path: agencies.path })
      .from(certificates)
      .innerJoin(users, eq(users.id, certificates.userId))
      .innerJoin(agencies, eq(agencies.id, users.agencyId))
      .innerJoin(enrollments, and(eq(enrollments.userId, users.id), eq(enrollments.courseId, certificates.courseId)))
      .innerJoin(courses, eq(courses.id, enrollments.courseId))
      .where(
        and(
          eq(certificates.courseId, f.courseId),
          isNull(certificates.replacedBy),
          isNull(certificates.revokedAt),
          isNull(certificates.suspendedAt),
          f.status === "certified" ? sql`${certificates.expiresAt} > now()` : sql`${certificates.expiresAt} <= now()`,
          like(agencies.path, `${path}%`),
          ...personFilters,
          after ? sql`(${agencies.path}, ${users.name}, ${users.id}) > (${after.path}, ${after.name}, ${after.id})` : undefined,
        ),
      )
      .orderBy(asc(agencies.path), asc(users.name), asc(users.id))
      .limit(limit + 1);
  } else {
    // Units in path order, then for each unit its learners by name (index users(agency_id, name,
    // id)): PostgreSQL stops as soon as a page is full instead of sorting the whole province.
    const scope = db
      .select({ unitId: agencies.id, unit: agencies.name, path: agencies.path })
      .from(agencies)
      .where(and(like(agencies.path, `${path}%`), after ? gte(agencies.path, after.path) : undefined))
      .orderBy(asc(agencies.path))
      .as("scope");
    const people = db
      .select(fields)
      .from(users)
      .leftJoin(enrollments, and(eq(enrollments.userId, users.id), f.courseId ? eq(enrollments.courseId, f.courseId) : sql`false`))
      .leftJoin(courses, eq(courses.id, enrollments.courseId))
      .leftJoin(certificates, and(eq(certificates.userId, users.id), eq(certificates.courseId, enrollments.courseId), isNull(certificates.replacedBy)))
      .where(
        and(
          sql`${users.agencyId} = ${scope.unitId}`,
          ...personFilters,
          after ? sql`(${scope.path} <> ${after.path} or (${users.name}, ${users.id}) > (${after.name}, ${after.id}))` : undefined,
        ),
      )
      .orderBy(asc(users.name), asc(users.id))
      .limit(limit + 1)
      .as("people");
    rows = (
      await db
        .select()
        .from(scope)
        .crossJoinLateral(people)
        .orderBy(asc(scope.path), asc(people.name), asc(people.id))
        .limit(limit + 1)
    ).map(({ scope: s, people: p }) => ({ ...p, unit: s.unit, path: s.path }));
  }
  const now = new Date();
  const more = rows.length > limit;
  const pageRows = rows.slice(0, limit);
  const last = pageRows.at(-1);
  return {
    last: more && last ? { path: last.path, name: last.name, id: last.id } : null,
    rows: pageRows.map((r) => ({
      id: r.id,
      name: r.name,
      nip: r.nip,
      unit: r.unit,
      courseTitle: r.courseTitle,
      status: f.courseId
        ? enrollmentStatus(
            {
              enrolled: !!r.enrollmentId,
              completedLessons: r.completedLessons ?? 0,
              startedAt: r.startedAt,
              completedAt: r.completedAt,
              dueDate: r.dueDate,
              certExpiresAt: r.certExpiresAt,
              certRevoked: !!r.certRevokedAt,
            },
            now,
          )
        : null,
      completedLessons: r.completedLessons ?? 0,
      dueDate: r.dueDate,
      certCode: r.certRevokedAt ? null : r.certCode,
      certExpiresAt: r.certRevokedAt ? null : r.certExpiresAt,
      jp: Number(r.jp),
    })),
  };
}

/**
 * One page of the learner table in the scope. `after` is the previous page's `next`: the id of
 * its last learner, whose place is looked up in the listed subtree; an id that names nobody
 * there starts from the top (`firstPage`), as for a tampered link.
 */
export async function listLearners(
  scopePath: string,
  f: LearnerFilters,
  page: { after?: string | null; limit?: number } = {},
): Promise<{ rows: LearnerRow[]; next: string | null; firstPage: boolean }> {
  const db = await getDb();
  const path = await listedSubtree(db, scopePath, f.unitId);
  if (!path) return { rows: [], next: null, firstPage: true };
  const after = page.after ? await learnerKey(db, path, page.after) : null;
  const { rows, last } = await learnerRows(db, path, f, after, page.limit ?? LEARNER_PAGE_SIZE);
  return { rows, next: last?.id ?? null, firstPage: !after };
}

/**
 * Every learner matching the filters, batch by batch (the CSV export streams these). The batches
 * chain by full sort key, so someone moved or renamed mid-export cannot restart the file.
 */
export async function* allLearners(scopePath: string, f: LearnerFilters, batch = 2000): AsyncGenerator<LearnerRow[]> {
  const path = await listedSubtree(await getDb(), scopePath, f.unitId);
  if (!path) return;
  let after: LearnerKey | null = null;
  do {
    const page: Awaited<ReturnType<typeof learnerRows>> = await learnerRows(await getDb(), path, f, after, batch);
    if (page.rows.length) yield page.rows;
    after = page.last;
  } while (after);
}

/** Published courses in catalog order (filter menus; the first is the default selection). */
export async function publishedCourses() {
  const db = await getDb();
  return db.select({ id: courses.id, title: courses.title }).from(courses).where(eq(courses.draft, false)).orderBy(asc(courses.position));
}

/** Everything the learner-detail page shows, or null when the learner is outside the subtree. */
export async function learnerDetail(scopePath: string, userId: string) {
  const db = await getDb();
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
export async function changeAssignmentDue(actorId: string, scopePath: string, assignmentId: string, dueDate: string) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const assignment = await assignmentInScope(tx, scopePath, assignmentId);
    if (!assignment) return null;
    await tx.update(courseAssignments).set({ dueDate }).where(eq(courseAssignments.id, assignmentId));
    await tx
      .update(enrollments)
      .set({ dueDate })
      .where(and(eq(enrollments.assignmentId, assignmentId), isNull(enrollments.completedAt)));
    await audit(
      {
        actorId,
        action: "assignment.due",
        targetType: "agency",
        targetId: assignment.agencyId,
        details: { dueDate: { from: assignment.dueDate, to: dueDate } },
      },
      tx,
    );
    return { ...assignment, dueDate };
  });
}

/**
 * Cancels an assignment. Enrolments nobody started are removed; everyone who started keeps their
 * progress, attempts and certificates, and simply has no due date any more. Null when not in scope.
 */
export async function cancelAssignment(actorId: string, scopePath: string, assignmentId: string) {
  const db = await getDb();
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
    await audit(
      { actorId, action: "assignment.cancel", targetType: "agency", targetId: assignment.agencyId, details: { removed: removed.length, kept: kept.length } },
      tx,
    );
    return { ...assignment, removed: removed.length, kept: kept.length };
  });
}

/** Learners past their due date in the scope, oldest due date first (the reminder list). */
export async function overdueLearners(scopePath: string, limit = 300) {
  const db = await getDb();
  return db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      unit: agencies.name,
      courseId: enrollments.courseId,
      courseTitle: courses.title,
      dueDate: enrollments.dueDate,
      completedLessons: enrollments.completedLessons,
    })
    .from(enrollments)
    .innerJoin(users, eq(users.id, enrollments.userId))
    .innerJoin(agencies, eq(agencies.id, users.agencyId))
    .innerJoin(courses, eq(courses.id, enrollments.courseId))
    .where(and(like(agencies.path, `${scopePath}%`), isNull(enrollments.completedAt), sql`${enrollments.dueDate} < current_date`, eq(users.disabled, false)))
    .orderBy(asc(enrollments.dueDate), asc(courses.title), asc(users.name))
    .limit(limit);
}

/**
 * Overdue learners per course and due date (one group per assignment, or per batch of individual
 * assignments), scoped by the learner's agency. `asOf` is the day due dates are compared with.
 */
export async function overdueGroups(scopePath: string, asOf: string | null = null) {
  const db = await getDb();
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
    .where(and(like(agencies.path, `${scopePath}%`), isNull(enrollments.completedAt), sql`${enrollments.dueDate} < ${day}`, eq(users.disabled, false)))
    .groupBy(enrollments.courseId, courses.title, enrollments.dueDate)
    .orderBy(asc(enrollments.dueDate), asc(courses.title));
  return rows;
}

/** Current certificates of the scope's learners that do not count: revoked, or suspended (decision 011). */
export async function voidCertificateCounts(scopePath: string): Promise<{ revoked: number; suspended: number }> {
  const db = await getDb();
  const [row] = await db
    .select({
      revoked: sql<number>`count(*) filter (where ${certificates.revokedAt} is not null)::int`,
      suspended: sql<number>`count(*) filter (where ${certificates.revokedAt} is null and ${certificates.suspendedAt} is not null)::int`,
    })
    .from(certificates)
    .innerJoin(users, eq(users.id, certificates.userId))
    .innerJoin(agencies, eq(agencies.id, users.agencyId))
    .where(and(like(agencies.path, `${scopePath}%`), isNull(certificates.replacedBy)));
  return { revoked: row?.revoked ?? 0, suspended: row?.suspended ?? 0 };
}

/**
 * The head-of-agency report (/kelola/laporan-pimpinan and its PDF): the dashboard's counters for
 * the scope on one day — per course, per unit of the scope's top (all courses together), the
 * certificate states, overdue learners per due date, and who is under the yearly JP duty.
 * `asOf` null means today, exactly as the dashboard counts; a chosen day is compared with the
 * expiry and due dates of the records as they stand now.
 */
export async function headReport(scope: Scope, asOf: string | null, year: number, top = 15) {
  const db = await getDb();
  const [courseRows, tree] = await Promise.all([
    publishedCourses(),
    db
      .select({ id: agencies.id, parentId: agencies.parentId, name: agencies.name, code: agencies.code })
      .from(agencies)
      .where(like(agencies.path, `${scope.path}%`)),
  ]);
  const shape = unitTree(tree);
  const [perCourse, perUnit, voided, overdue, jp] = await Promise.all([
    subtreeCounts(db, scope.path, { by: "course" }, asOf),
    subtreeCounts(db, scope.path, { by: "agency", courseId: null, agencyIds: shape.visibleIds("default") }, asOf),
    voidCertificateCounts(scope.path),
    overdueGroups(scope.path, asOf),
    underDutySummary(scope, year, top),
  ]);
  const courseCounts = courseRows.map((c) => ({ ...c, counts: perCourse.get(c.id) ?? zero() }));
  const totals = zero();
  for (const c of courseCounts) for (const k of STATUS_KEYS) totals[k] += c.counts[k];
  const units = shape.visible("default", "unit", (id) => perUnit.get(id) ?? zero());
  return {
    agencyNames: units.filter((u) => u.depth === 0).map((u) => u.name),
    courses: courseCounts,
    totals,
    units: units.map((u) => ({
      id: u.id,
      name: u.name,
      depth: u.depth,
      enrolled: u.counts.enrolled,
      completed: u.counts.completed,
      completion: u.completion,
      overdue: u.counts.overdue,
    })),
    certificates: { valid: totals.certified, expiring: totals.expiring, expired: totals.expired, ...voided },
    overdue,
    jp,
  };
}
export type HeadReport = Awaited<ReturnType<typeof headReport>>;

/**
 * Assigns a course to chosen learners with a due date (no agency assignment: the enrolment
 * carries the due date). All or nothing: when any id is not an active learner account inside
 * the scope, nothing is written and those ids come back in `refused`. A learner already enrolled
 * gets the due date unless they have finished the course.
 */
export async function assignToLearners(actorId: string, scopePath: string, input: { courseId: string; userIds: string[]; dueDate: string }) {
  const db = await getDb();
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
    await audit(
      {
        actorId,
        action: "course.assign-learners",
        targetType: "course",
        targetId: input.courseId,
        details: { dueDate: input.dueDate, learners: wanted.length },
      },
      tx,
    );
    return { refused: [] as string[], assigned: rows.length };
  });
}

/** Overdue learners of the scope for one course and due date (the reminder's recipients). */
async function overdueRecipients(db: Db, scopePath: string, courseId: string, dueDate: string) {
  return db
    .select({ id: users.id, name: users.name, email: users.email, courseTitle: courses.title, courseSlug: courses.slug })
    .from(enrollments)
    .innerJoin(users, eq(users.id, enrollments.userId))
    .innerJoin(agencies, eq(agencies.id, users.agencyId))
    .innerJoin(courses, eq(courses.id, enrollments.courseId))
    .where(
      and(
        like(agencies.path, `${scopePath}%`),
        eq(enrollments.courseId, courseId),
        sql`${enrollments.dueDate} = ${dueDate}::date`,
        sql`${enrollments.dueDate} < current_date`,
        isNull(enrollments.completedAt),
        eq(users.disabled, false),
      ),
    )
    .orderBy(asc(users.name));
}

/**
 * Reminds the overdue learners of one course and due date: records the reminder in the audit
 * log, queues an e-mail to each (mailOverdueReminders) and returns the message for other
 * channels (the manager can copy it into a work chat). Null when nobody in the scope is overdue for it.
 * `compose` turns the course, due date and link into the message (the route's translator).
 */
export async function remindOverdue(
  actorId: string,
  scopePath: string,
  target: { courseId: string; dueDate: string },
  compose: (course: { title: string; slug: string }, dueDate: string) => string,
) {
  const db = await getDb();
  const recipients = await overdueRecipients(db, scopePath, target.courseId, target.dueDate);
  const first = recipients[0];
  if (!first) return null;
  const message = compose({ title: first.courseTitle, slug: first.courseSlug }, target.dueDate);
  // The audit entry and the e-mails go together: a failed queue leaves no "reminded" record.
  const mailed = await db.transaction(async (tx) => {
    await audit(
      {
        actorId,
        action: "assignment.remind",
        targetType: "course",
        targetId: target.courseId,
        details: { dueDate: target.dueDate, learners: recipients.length },
      },
      tx,
    );
    const today = new Date(Date.now() + 7 * 3600e3).toISOString().slice(0, 10);
    return mailOverdueReminders(
      tx,
      { courseTitle: first.courseTitle, courseSlug: first.courseSlug, dueDate: target.dueDate, userIds: recipients.map((r) => r.id) },
      today,
    );
  });
  return { message, mailed, courseTitle: first.courseTitle, recipients: recipients.map((r) => ({ id: r.id, name: r.name, email: r.email })) };
}

/** Active accounts inside the scope with these NIPs (for assigning by a pasted NIP list). */
export async function learnersByNip(scopePath: string, nips: string[]) {
  if (nips.length === 0) return [];
  const db = await getDb();
  return db
    .select({ id: users.id, nip: users.nip })
    .from(users)
    .innerJoin(agencies, eq(agencies.id, users.agencyId))
    .where(and(inArray(users.nip, nips), like(agencies.path, `${scopePath}%`), eq(users.disabled, false), sql`${users.role} <> 'admin'`));
}
