/**
 * The dashboard's counters (decision 009): enrolment and certificate states per course and per
 * unit, read from the trigger-maintained subtree rollups, and the head report built on them.
 */
import { and, eq, inArray, isNull, like, or, sql } from "drizzle-orm";
import { agencies, certificateMonthRollups, certificates, certificateSubtreeRollups, enrollmentSubtreeRollups, quizScoreRollups, users } from "../../db/schema";
import { STATUS_KEYS, type StatusCounts } from "~/learning/status-counts";
import { unitTree, type OpenUnits, type UnitSort } from "~/learning/unit-tree";
import { queryRows, type Db } from "~/utils/db.server";
import type { Scope } from "~/utils/permissions.server";
import { publishedCourses } from "./course.server";
import { underDutySummary } from "./jp-ledger.server";
import { overdueGroups } from "./overdue.server";

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

/**
 * The agencies the dashboard's tree can show: every agency of the scope when all rows are open;
 * else the scope's top rows, their children and the children of the opened rows, each with its
 * number of children — a province's page reads ~30 rows, not its 2,000 (issue 18). Opened rows
 * whose parent is not shown are dropped here, so nothing hangs in the tree without its parent.
 */
async function shownAgencies(db: Db, scopePath: string, open: OpenUnits) {
  const fields = { id: agencies.id, parentId: agencies.parentId, name: agencies.name, code: agencies.code };
  const inScope = like(agencies.path, `${scopePath}%`);
  if (open === "all") return db.select(fields).from(agencies).where(inScope);
  const isTop = scopePath === "/" ? isNull(agencies.parentId) : eq(agencies.path, scopePath);
  const tops = db.select({ id: agencies.id }).from(agencies).where(and(inScope, isTop));
  const opened = open === "default" ? [] : [...open];
  const rows = await db
    .select({
      ...fields,
      path: agencies.path,
      top: sql<boolean>`${isTop}`,
      // Qualified by hand: drizzle writes a one-table select's columns bare, which k would capture.
      childCount: sql<number>`(select count(*) from ${agencies} k where k.parent_id = ${sql.identifier("agencies")}.${sql.identifier("id")})::int`,
    })
    .from(agencies)
    .where(and(inScope, or(isTop, inArray(agencies.parentId, tops), opened.length ? inArray(agencies.parentId, opened) : undefined)));
  // Parents before children (shorter paths first), keeping only rows whose parent is kept.
  const kept = new Set<string>();
  return rows
    .sort((a, b) => a.path.length - b.path.length)
    .filter((r) => (r.top || (r.parentId !== null && kept.has(r.parentId))) && kept.add(r.id))
    .map(({ id, parentId, name, code, childCount }) => ({ id, parentId, name, code, childCount }));
}

type CourseOption = Awaited<ReturnType<typeof publishedCourses>>[number];
export type DashboardView = { open: OpenUnits; sort: UnitSort };

/**
 * Dashboard numbers for a manager's subtree: totals per course, and for the selected course the
 * rows of the unit tree that are open (each with its whole subtree rolled up). The course totals
 * and the agency list are read together; then one query for the shown rows' counters.
 */
export async function dashboardStats(
  db: Db,
  scopePath: string,
  courseRows: CourseOption[],
  selected: string | null,
  view: DashboardView = { open: "default", sort: "unit" },
) {
  const [perCourse, tree] = await Promise.all([subtreeCounts(db, scopePath, { by: "course" }), shownAgencies(db, scopePath, view.open)]);
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
export async function dashboardPage(db: Db, scopePath: string, requestedCourseId: string | null, view?: DashboardView) {
  const courseRows = await publishedCourses(db);
  const courseId = requestedCourseId || (courseRows[0]?.id ?? null);
  const [stats, monthly, means, unitMeans] = await Promise.all([
    dashboardStats(db, scopePath, courseRows, courseId, view),
    certificatesPerMonth(db, scopePath, courseId),
    meanScoresInScope(db, scopePath),
    courseId ? meanScoresByUnit(db, scopePath, courseId) : Promise.resolve([]),
  ]);
  return { ...stats, monthly, gain: learningGain(courseRows, means), gainByUnit: gainPerUnit(unitMeans) };
}

/**
 * The pre-test vs final-quiz means (each learner's lowest pre-test and best final score, as
 * final-quiz.server.ts defines them) from the trigger-kept per-unit sums of migration 0026: per
 * course for the scope, or per unit (the learner's own agency) for one course; units with any
 * learner only. avg() is sum / count in numeric, so the rounding is the same as over the scores.
 */
function rolledUpMeans(scopePath: string) {
  const r = quizScoreRollups;
  const learners = sql<number>`sum(${r.learners})::int`;
  return {
    fields: {
      purpose: r.purpose,
      mean: sql<number>`round(sum(${r.total})::numeric / nullif(sum(${r.scored}), 0)::numeric)::int`,
      learners,
    },
    inScope: like(agencies.path, `${scopePath}%`),
    anyone: sql`sum(${r.learners}) > 0`,
  };
}

export async function meanScoresInScope(db: Db, scopePath: string) {
  const r = quizScoreRollups;
  const m = rolledUpMeans(scopePath);
  return db
    .select({ courseId: r.courseId, ...m.fields })
    .from(r)
    .innerJoin(agencies, eq(agencies.id, r.agencyId))
    .where(m.inScope)
    .groupBy(r.courseId, r.purpose)
    .having(m.anyone);
}

/**
 * The same means for one course per unit, by unit name. A unit has one rollup row per course and
 * purpose (the primary key), so its mean is that row's: no grouping, and the ~3,600 rows of a
 * province come back raw (drizzle's per-cell mapping cost more than the query).
 */
export async function meanScoresByUnit(db: Db, scopePath: string, courseId: string) {
  const r = quizScoreRollups;
  return queryRows<{ unitId: string; unit: string; purpose: (typeof r.purpose.enumValues)[number]; mean: number; learners: number }>(
    db,
    sql`select ${agencies.id} as "unitId", ${agencies.name} as "unit", ${r.purpose} as "purpose",
        round(${r.total}::numeric / nullif(${r.scored}, 0)::numeric)::int as "mean", ${r.learners} as "learners"
      from ${r} inner join ${agencies} on ${agencies.id} = ${r.agencyId}
      where ${agencies.path} like ${`${scopePath}%`} and ${r.courseId} = ${courseId} and ${r.learners} > 0
      order by ${agencies.name}, ${agencies.id}`,
  );
}

/** The selected course's pre-test vs final-quiz means per unit, units with any score only. */
function gainPerUnit(means: Awaited<ReturnType<typeof meanScoresByUnit>>) {
  const units = new Map<string, { unitId: string; unit: string; pre: GainMean | null; post: GainMean | null }>();
  for (const m of means) {
    const row = units.get(m.unitId) ?? { unitId: m.unitId, unit: m.unit, pre: null, post: null };
    row[m.purpose === "pretest" ? "pre" : "post"] = { mean: m.mean, learners: m.learners };
    units.set(m.unitId, row);
  }
  return [...units.values()];
}
type GainMean = { mean: number; learners: number };

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

/**
 * Certificates issued per month (Jakarta time) in the current month and the 11 before, scoped by
 * the agency at issue: the scope's top agencies' rows of the trigger-kept monthly rollup
 * (migration 0026), a few dozen rows however many certificates a province has.
 */
export async function certificatesPerMonth(db: Db, scopePath: string, courseId: string | null): Promise<{ month: string; count: number }[]> {
  const r = certificateMonthRollups;
  const isTop = sql`(${agencies.path} = ${scopePath} or ${agencies.parentId} is null)`;
  const tops = db
    .select({ id: agencies.id })
    .from(agencies)
    .where(and(like(agencies.path, `${scopePath}%`), isTop));
  const month = sql<string>`to_char(${r.month}, 'YYYY-MM')`;
  const count = sql<number>`sum(${r.n})::int`;
  return db
    .select({ month, count })
    .from(r)
    .where(
      and(inArray(r.ancestorId, tops), courseId ? eq(r.courseId, courseId) : undefined, sql`${r.month} >= (jakarta_month(now()) - interval '11 months')::date`),
    )
    .groupBy(r.month)
    .having(sql`sum(${r.n}) <> 0`)
    .orderBy(r.month);
}

/** Current certificates of the scope's learners that do not count: revoked, or suspended (decision 011). */
export async function voidCertificateCounts(db: Db, scopePath: string): Promise<{ revoked: number; suspended: number }> {
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
export async function headReport(db: Db, scope: Scope, asOf: string | null, year: number, top = 15) {
  const [courseRows, tree] = await Promise.all([
    publishedCourses(db),
    db
      .select({ id: agencies.id, parentId: agencies.parentId, name: agencies.name, code: agencies.code })
      .from(agencies)
      .where(like(agencies.path, `${scope.path}%`)),
  ]);
  const shape = unitTree(tree);
  const [perCourse, perUnit, voided, overdue, jp] = await Promise.all([
    subtreeCounts(db, scope.path, { by: "course" }, asOf),
    subtreeCounts(db, scope.path, { by: "agency", courseId: null, agencyIds: shape.visibleIds("default") }, asOf),
    voidCertificateCounts(db, scope.path),
    overdueGroups(db, scope.path, asOf),
    underDutySummary(db, scope, year, top),
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
