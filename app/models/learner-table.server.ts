/**
 * The learner table (/kelola/peserta and its export): learners of a subtree with their status in
 * one course and JP this year, filtered in SQL and paged by keyset.
 */
import { and, asc, eq, isNull, like, or, sql, type SQLWrapper } from "drizzle-orm";
import { agencies, certificates, courses, enrollments, users } from "../../db/schema";
import { enrollmentStatus, type EnrollmentStatus } from "~/learning/enrollment-status";
import { queryRows, type Db } from "~/utils/db.server";

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

/**
 * Agency paths in byte order (`~<~`, the operator class of agencies_path_idx): the same order
 * on every server collation, and cheaper to sort than the collation's (a province: 1,951 paths).
 * The keyset below compares with the matching `~>=~`.
 */
const byPath = (path: SQLWrapper) => sql`${path} using ~<~`;

/**
 * The unit filter's choices, as a drill-down (a province has ~2,000 units; sending them all made
 * the page 260 kB and most of its cost): the chosen unit — or the scope's top when none is chosen
 * or it lies outside the scope — with its ancestors inside the scope, then its direct children.
 * `depth` counts from the scope's top (admins: from a root). One query, checked against the scope.
 */
export async function unitChoices(db: Db, scopePath: string, unitId: string | null | undefined): Promise<{ id: string; name: string; depth: number }[]> {
  // The chosen unit's path if it lies inside the scope, else the scope's (uncorrelated: computed
  // once). Each arm of the OR below has its index (primary key, parent), so nothing else is read.
  const current = sql<string>`coalesce((select c.path from ${agencies} c where c.id = ${unitId ?? null} and c.path like ${`${scopePath}%`}), ${scopePath})`;
  const rows = await db
    .select({ id: agencies.id, name: agencies.name, path: agencies.path, current })
    .from(agencies)
    .where(
      and(
        like(agencies.path, `${scopePath}%`),
        or(
          sql`${agencies.id} = any(array(select agency_ancestors(${current})))`,
          sql`${agencies.parentId} = (select k.id from ${agencies} k where k.path = ${current})`,
          // An admin's whole tree ("/"): the roots are the children.
          sql`(${current} = '/' and ${agencies.parentId} is null)`,
        ),
      ),
    )
    .orderBy(byPath(agencies.path));
  const chosen = rows[0]?.current ?? scopePath;
  const baseDepth = scopePath === "/" ? 0 : scopePath.split("/").length - 3;
  const depthOf = (path: string) => path.split("/").length - 3 - baseDepth;
  const lineage = rows.filter((r) => chosen.startsWith(r.path));
  const children = rows.filter((r) => !chosen.startsWith(r.path)).sort((a, b) => collator.compare(a.name, b.name));
  return [...lineage, ...children].map((r) => ({ id: r.id, name: r.name, depth: depthOf(r.path) }));
}

const collator = new Intl.Collator("id", { numeric: true, sensitivity: "base" });

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

/** Timestamps come as the server's text from a raw query (as drizzle's own columns read them). */
const timestamp = (value: unknown): Date | null => (value == null ? null : value instanceof Date ? value : new Date(String(value)));

/** One row of the learner query, by the column names its SELECT gives them. */
function personRow(r: Record<string, unknown>): PersonRow {
  return {
    id: r.id as string,
    name: r.name as string,
    nip: (r.nip as string | null) ?? null,
    unit: r.unit_name as string,
    path: r.unit_path as string,
    enrollmentId: (r.enrollment_id as string | null) ?? null,
    completedLessons: (r.completed_lessons as number | null) ?? null,
    startedAt: timestamp(r.started_at),
    completedAt: timestamp(r.completed_at),
    dueDate: r.due_date == null ? null : r.due_date instanceof Date ? r.due_date.toISOString().slice(0, 10) : String(r.due_date),
    certCode: (r.code as string | null) ?? null,
    certExpiresAt: timestamp(r.expires_at),
    certRevokedAt: timestamp(r.cert_void_at),
    courseTitle: (r.title as string | null) ?? null,
    jp: Number(r.jp ?? 0),
  };
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
  // Units in path order, then for each unit its learners by name: PostgreSQL stops as soon as a
  // page is full instead of sorting the whole province. The order is the outer query's only: an
  // ORDER BY in this subquery made the planner sort all of a province's ~2,000 units first (its
  // cheapest plan on its own) instead of reading them in order from agencies_path_idx.
  const scope = db
    .select({ unitId: agencies.id, unit: agencies.name, path: agencies.path })
    .from(agencies)
    .where(and(like(agencies.path, `${path}%`), after ? sql`${agencies.path} ~>=~ ${after.path}` : undefined))
    .as("scope");
  const afterInUnit = after ? sql`(${scope.path} <> ${after.path} or (${users.name}, ${users.id}) > (${after.name}, ${after.id}))` : undefined;
  const people =
    f.courseId && (f.status === "certified" || f.status === "expired")
      ? // Certificate states are usually a small share of a unit: per unit, its holders' current
        // certificates of the course by expiry (index on holder agency, course and expiry), instead
        // of every such certificate in the country joined to its holder before the scope filter.
        db
          .select(fields)
          .from(certificates)
          .innerJoin(users, and(eq(users.id, certificates.userId), eq(users.agencyId, certificates.holderAgencyId)))
          .innerJoin(enrollments, and(eq(enrollments.userId, certificates.userId), eq(enrollments.courseId, certificates.courseId)))
          .innerJoin(courses, eq(courses.id, enrollments.courseId))
          .where(
            and(
              sql`${certificates.holderAgencyId} = ${scope.unitId}`,
              eq(certificates.courseId, f.courseId),
              isNull(certificates.replacedBy),
              isNull(certificates.revokedAt),
              isNull(certificates.suspendedAt),
              f.status === "certified" ? sql`${certificates.expiresAt} > now()` : sql`${certificates.expiresAt} <= now()`,
              ...personFilters,
              afterInUnit,
            ),
          )
          .orderBy(asc(users.name), asc(users.id))
          .limit(limit + 1)
          .as("people")
      : // Every learner of the unit (index users(agency_id, name, id)) with their enrolment.
        db
          .select(fields)
          .from(users)
          .leftJoin(enrollments, and(eq(enrollments.userId, users.id), f.courseId ? eq(enrollments.courseId, f.courseId) : sql`false`))
          .leftJoin(courses, eq(courses.id, enrollments.courseId))
          .leftJoin(certificates, and(eq(certificates.userId, users.id), eq(certificates.courseId, enrollments.courseId), isNull(certificates.replacedBy)))
          .where(and(sql`${users.agencyId} = ${scope.unitId}`, ...personFilters, afterInUnit))
          .orderBy(asc(users.name), asc(users.id))
          .limit(limit + 1)
          .as("people");
  // The outer query by hand and its rows read as they come: drizzle's mapping of the two
  // subqueries' columns (proxies, type checks per cell) cost more CPU than the query itself and
  // ~6 kB of garbage per row, which a whole-province export promoted into a 190 MB heap (issue 18).
  const rows = (
    await queryRows<Record<string, unknown>>(
      db,
      sql`select ${scope.unit} as unit_name, ${scope.path} as unit_path, ${sql.identifier("people")}.* from ${scope} cross join lateral ${people}
        order by ${byPath(scope.path)}, ${people.name}, ${people.id} limit ${limit + 1}`,
    )
  ).map(personRow);
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
  db: Db,
  scopePath: string,
  f: LearnerFilters,
  page: { after?: string | null; limit?: number } = {},
): Promise<{ rows: LearnerRow[]; next: string | null; firstPage: boolean }> {
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
export async function* allLearners(db: Db, scopePath: string, f: LearnerFilters, batch = 1000): AsyncGenerator<LearnerRow[]> {
  const path = await listedSubtree(db, scopePath, f.unitId);
  if (!path) return;
  let after: LearnerKey | null = null;
  do {
    const page: Awaited<ReturnType<typeof learnerRows>> = await learnerRows(db, path, f, after, batch);
    if (page.rows.length) yield page.rows;
    after = page.last;
  } while (after);
}
