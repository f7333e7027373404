import { and, eq, isNotNull, like, sql } from "drizzle-orm";
import { agencies, finalQuizAttempts, users } from "../../db/schema";
import { beforeAll, describe, expect, it } from "vitest";
import { createAgency } from "~/models/agency.server";
import { moveAgency, renameAgency } from "~/models/admin.server";
import { completeLesson, markLessonComplete, touchLesson } from "~/models/progress.server";
import { certificatesPerMonth, meanScoresByUnit, meanScoresInScope } from "~/models/rollups.server";
import type { Purpose } from "~/models/final-quiz.server";
import { getDb, type Db } from "~/utils/db.server";
import { createAccount, createTwoAgencies } from "../setup/factories";

/**
 * The dashboard reads rollup tables kept by statement-level triggers (migration 0009). Whatever
 * mix of writes happens — bulk inserts, updates that change or keep a key, deletes, certificates
 * replaced or revoked, people moving unit — the rollups must equal a recount of the base rows.
 */
/**
 * One score per learner, course and purpose inside `scopePath` (optionally one course): their
 * lowest pre-test and their best final attempt, with the learner's unit.
 */
function perLearnerScores(db: Db, scopePath: string, courseId?: string) {
  return db
    .select({
      courseId: finalQuizAttempts.courseId,
      purpose: finalQuizAttempts.purpose,
      userId: finalQuizAttempts.userId,
      agencyId: users.agencyId,
      score: sql<number>`case when ${finalQuizAttempts.purpose} = 'pretest' then min(${finalQuizAttempts.score}) else max(${finalQuizAttempts.score}) end`.as(
        "score",
      ),
    })
    .from(finalQuizAttempts)
    .innerJoin(users, eq(users.id, finalQuizAttempts.userId))
    .innerJoin(agencies, eq(agencies.id, users.agencyId))
    .where(and(isNotNull(finalQuizAttempts.submittedAt), like(agencies.path, `${scopePath}%`), courseId ? eq(finalQuizAttempts.courseId, courseId) : undefined))
    .groupBy(finalQuizAttempts.courseId, finalQuizAttempts.purpose, finalQuizAttempts.userId, users.agencyId)
    .as("per_learner");
}

const meanOf = (perLearner: ReturnType<typeof perLearnerScores>) => ({
  purpose: perLearner.purpose,
  mean: sql<number>`round(avg(${perLearner.score}))::int`.mapWith(Number),
  learners: sql<number>`count(*)::int`.mapWith(Number),
});

/** Mean score per course and purpose inside `scopePath`, recounted from the attempts: the oracle the score rollups must equal. */
async function directMeansInScope(db: Db, scopePath: string): Promise<{ courseId: string; purpose: Purpose; mean: number; learners: number }[]> {
  const perLearner = perLearnerScores(db, scopePath);
  return db
    .select({ courseId: perLearner.courseId, ...meanOf(perLearner) })
    .from(perLearner)
    .groupBy(perLearner.courseId, perLearner.purpose);
}

/** The same means for one course, per unit (the learner's own agency), by unit name. */
async function directMeansByUnit(
  db: Db,
  scopePath: string,
  courseId: string,
): Promise<{ unitId: string; unit: string; purpose: Purpose; mean: number; learners: number }[]> {
  const perLearner = perLearnerScores(db, scopePath, courseId);
  return db
    .select({ unitId: agencies.id, unit: agencies.name, ...meanOf(perLearner) })
    .from(perLearner)
    .innerJoin(agencies, eq(agencies.id, perLearner.agencyId))
    .groupBy(agencies.id, agencies.name, perLearner.purpose)
    .orderBy(agencies.name);
}

let tree: Awaited<ReturnType<typeof createTwoAgencies>>;
beforeAll(async () => {
  tree = await createTwoAgencies();
});

const rows = async (query: ReturnType<typeof sql>) => {
  const result = (await (await getDb()).execute(query)) as unknown as { rows?: unknown[] } | unknown[];
  return (Array.isArray(result) ? result : (result.rows ?? [])) as Record<string, unknown>[];
};

async function expectRollupsMatchRecount() {
  const enrolled = await rows(sql`select agency_id, course_id, due_date::text, state, n from enrollment_rollups where n <> 0 order by 1, 2, 3, 4`);
  const enrolledRecount = await rows(sql`
    select u.agency_id, e.course_id, coalesce(e.due_date, date '9999-12-31')::text as due_date,
           enrollment_state(e.completed_at, e.started_at, e.completed_lessons) as state, count(*)::int as n
    from enrollments e join users u on u.id = e.user_id group by 1, 2, 3, 4 order by 1, 2, 3, 4`);
  expect(enrolled).toEqual(enrolledRecount);
  const certified = await rows(sql`select agency_id, course_id, expires_on::text, n from certificate_rollups where n <> 0 order by 1, 2, 3`);
  const certifiedRecount = await rows(sql`
    select u.agency_id, c.course_id, c.expires_at::date::text as expires_on, count(*)::int as n
    from certificates c join users u on u.id = c.user_id where c.replaced_by is null and c.revoked_at is null and c.suspended_at is null
    group by 1, 2, 3 order by 1, 2, 3`);
  expect(certified).toEqual(certifiedRecount);

  // Subtree rollups (migration 0011): every ancestor on the learner's agency path counts them.
  const ancestors = sql`cross join lateral unnest(string_to_array(trim(both '/' from a.path), '/')) as anc`;
  const enrolledSubtree = await rows(
    // A key's counters may be split over shards (migration 0024): their sum is the count.
    sql`select ancestor_id, course_id, due_date::text, state, sum(n)::int as n from enrollment_subtree_rollups
        group by 1, 2, 3, 4 having sum(n) <> 0 order by 1, 2, 3, 4`,
  );
  const enrolledSubtreeRecount = await rows(sql`
    select anc as ancestor_id, e.course_id, coalesce(e.due_date, date '9999-12-31')::text as due_date,
           enrollment_state(e.completed_at, e.started_at, e.completed_lessons) as state, count(*)::int as n
    from enrollments e join users u on u.id = e.user_id join agencies a on a.id = u.agency_id ${ancestors}
    group by 1, 2, 3, 4 order by 1, 2, 3, 4`);
  expect(enrolledSubtree).toEqual(enrolledSubtreeRecount);
  const certifiedSubtree = await rows(
    sql`select ancestor_id, course_id, expires_on::text, sum(n)::int as n from certificate_subtree_rollups group by 1, 2, 3 having sum(n) <> 0 order by 1, 2, 3`,
  );
  const certifiedSubtreeRecount = await rows(sql`
    select anc as ancestor_id, c.course_id, c.expires_at::date::text as expires_on, count(*)::int as n
    from certificates c join users u on u.id = c.user_id join agencies a on a.id = u.agency_id ${ancestors}
    where c.replaced_by is null and c.revoked_at is null and c.suspended_at is null
    group by 1, 2, 3 order by 1, 2, 3`);
  expect(certifiedSubtree).toEqual(certifiedSubtreeRecount);

  // Certificates issued per month (migration 0026): every certificate, revoked, suspended or
  // replaced alike, counted at every ancestor of the agency it was issued in.
  const monthly = await rows(
    sql`select ancestor_id, course_id, month::text, sum(n)::int as n from certificate_month_rollups group by 1, 2, 3 having sum(n) <> 0 order by 1, 2, 3`,
  );
  const monthlyRecount = await rows(sql`
    select anc as ancestor_id, c.course_id, date_trunc('month', c.issued_at at time zone 'Asia/Jakarta')::date::text as month, count(*)::int as n
    from certificates c join agencies a on a.id = c.agency_id ${ancestors}
    group by 1, 2, 3 order by 1, 2, 3`);
  expect(monthly).toEqual(monthlyRecount);
  return { enrolled, certified, enrolledSubtree, monthly };
}

describe("rollup tables", () => {
  it("equal a recount after bulk and single-row writes of every kind", async () => {
    const db = await getDb();
    const unit2 = await createAgency(db, { code: `R-${Date.now()}`, name: "Bidang Rollup", kind: "unit", parentId: tree.agencyA.id });
    const run = (q: ReturnType<typeof sql>) => db.execute(q);
    await run(sql`insert into courses (id, slug, title, summary, level, version, minutes, jp, pass_percent, valid_months, position, content_hash)
      values ('ru-c1', 'ru-1', 'R1', 's', 'dasar', '1', 10, 2, 70, 24, 90, 'h'), ('ru-c2', 'ru-2', 'R2', 's', 'dasar', '1', 10, 2, 70, 24, 91, 'h')`);
    await run(sql`insert into users (id, email, name, password_hash, agency_id)
      select 'ru-u' || i, 'ru' || i || '@uji.sigap.id', 'R ' || i, 'x', case when i % 2 = 0 then ${tree.unitA.id} else ${unit2.id} end
      from generate_series(1, 40) i`);
    // One statement enrolling everybody in two courses (what an assignment does).
    await run(sql`insert into enrollments (id, user_id, course_id, due_date)
      select 'ru-e' || i || c, 'ru-u' || i, 'ru-c' || c, current_date + i from generate_series(1, 40) i, generate_series(1, 2) c`);
    await expectRollupsMatchRecount();

    // Bulk progress, completions, an update that keeps every key, a due-date change, deletes.
    await run(
      sql`update enrollments set completed_lessons = 2, started_at = now() where id like 'ru-e%' and user_id in (select 'ru-u' || i from generate_series(1, 30) i)`,
    );
    await run(sql`update enrollments set completed_at = now() where id like 'ru-e%1' and user_id in (select 'ru-u' || i from generate_series(1, 12) i)`);
    await run(sql`update enrollments set completed_lessons = completed_lessons where id like 'ru-e%'`);
    await run(sql`update enrollments set due_date = null where id = 'ru-e52'`);
    await run(sql`delete from enrollments where id in ('ru-e401', 'ru-e402', 'ru-e391')`);
    await expectRollupsMatchRecount();

    // Certificates: a bulk issue, a revocation, a replacement (recertification), a delete.
    await run(sql`insert into certificates (id, code, user_id, course_id, learner_name, agency_id, agency_name, course_title, course_version, jp, issued_at, expires_at)
      select 'ru-k' || i, 'SGP-RU-' || i, 'ru-u' || i, 'ru-c1', 'R', ${tree.unitA.id}, 'B', 'R1', '1', 2, now(), now() + (i || ' days')::interval
      from generate_series(1, 12) i`);
    await run(sql`update certificates set revoked_at = now(), revoked_reason = 'uji' where id = 'ru-k3'`);
    await run(sql`update certificates set replaced_by = 'ru-k4b' where id = 'ru-k4'`);
    await run(sql`insert into certificates (id, code, user_id, course_id, learner_name, agency_id, agency_name, course_title, course_version, jp, issued_at, expires_at)
      values ('ru-k4b', 'SGP-RU-4B', 'ru-u4', 'ru-c1', 'R', ${tree.unitA.id}, 'B', 'R1', '2', 2, now(), now() + interval '700 days')`);
    await run(sql`delete from certificates where id = 'ru-k5'`);
    await expectRollupsMatchRecount();
    // Suspended (decision 011): out of the counts while suspended, back when restored; one stays suspended while its owner moves.
    await run(sql`update certificates set suspended_at = now(), suspended_reason = 'regrade', suspended_lesson = 'L' where id in ('ru-k6', 'ru-k7')`);
    await expectRollupsMatchRecount();
    await run(sql`update certificates set suspended_at = null, suspended_reason = null, suspended_lesson = null where id = 'ru-k6'`);
    await expectRollupsMatchRecount();

    // Certificates of earlier months, one moved to another month, and a unit moving inside a
    // transaction between two issues: the first counts on the old path, the second on the new.
    await run(sql`insert into certificates (id, code, user_id, course_id, learner_name, agency_id, agency_name, course_title, course_version, jp, issued_at, expires_at)
      select 'ru-m' || i, 'SGP-RU-M' || i, 'ru-u' || i, 'ru-c2', 'R', ${unit2.id}, 'B', 'R2', '1', 2, now() - (i * 37 || ' days')::interval, now() + interval '1 year'
      from generate_series(1, 15, 2) i`);
    await run(sql`update certificates set issued_at = issued_at - interval '3 months' where id = 'ru-m3'`);
    await expectRollupsMatchRecount();
    const [{ path: unit2Path }] = (await rows(sql`select path from agencies where id = ${unit2.id}`)) as { path: string }[];
    const movePath = (from: string, to: string) => sql`update agencies set path = ${to} || substr(path, ${from.length + 1}) where path like ${from + "%"}`;
    const elsewhere = `${tree.provB.path}${unit2.id}/`;
    await db.transaction(async (tx) => {
      await tx.execute(sql`insert into certificates (id, code, user_id, course_id, learner_name, agency_id, agency_name, course_title, course_version, jp, expires_at)
        values ('ru-t1', 'SGP-RU-T1', 'ru-u21', 'ru-c1', 'R', ${unit2.id}, 'B', 'R1', '1', 2, now() + interval '1 year')`);
      await tx.execute(movePath(unit2Path, elsewhere));
      await tx.execute(sql`insert into certificates (id, code, user_id, course_id, learner_name, agency_id, agency_name, course_title, course_version, jp, expires_at)
        values ('ru-t2', 'SGP-RU-T2', 'ru-u23', 'ru-c1', 'R', ${unit2.id}, 'B', 'R1', '1', 2, now() + interval '1 year')`);
    });
    await expectRollupsMatchRecount();
    await run(movePath(elsewhere, unit2Path));
    await expectRollupsMatchRecount();
    // The dashboard's chart: the province's last 12 Jakarta months, as a direct count gives them.
    for (const courseId of ["ru-c1", "ru-c2", null]) {
      const direct = await rows(sql`
        select to_char(date_trunc('month', c.issued_at at time zone 'Asia/Jakarta'), 'YYYY-MM') as month, count(*)::int as count
        from certificates c join agencies a on a.id = c.agency_id
        where a.path like ${tree.provA.path + "%"} and (${courseId}::text is null or c.course_id = ${courseId})
          and c.issued_at at time zone 'Asia/Jakarta' >= date_trunc('month', now() at time zone 'Asia/Jakarta') - interval '11 months'
        group by 1 order by 1`);
      expect(await certificatesPerMonth(db, tree.provA.path, courseId)).toEqual(direct);
    }
    expect((await certificatesPerMonth(db, tree.provA.path, "ru-c2")).length).toBeGreaterThan(3);

    // People moving unit, one at a time and in bulk, take their numbers along.
    await run(sql`update users set agency_id = ${unit2.id} where id = 'ru-u2'`);
    await run(sql`update users set agency_id = ${tree.unitA.id} where id in ('ru-u1', 'ru-u3', 'ru-u7')`);
    const { enrolled, certified } = await expectRollupsMatchRecount();
    expect(enrolled.length).toBeGreaterThan(10);
    expect(certified.length).toBeGreaterThan(5);

    // Agencies moving: the unit with its learners goes to another province, then its agency
    // follows under the unit's old parent's sibling; a rename changes no path.
    const admin = await createAccount(tree.agencyA.id, "admin");
    expect(await moveAgency(db, admin.id, unit2.id, tree.agencyB.id)).toBe(true);
    await expectRollupsMatchRecount();
    expect(await moveAgency(db, admin.id, tree.agencyA.id, tree.provB.id)).toBe(true);
    expect(await moveAgency(db, admin.id, unit2.id, null)).toBe(true);
    expect(await renameAgency(db, admin.id, tree.unitA.id, "Bidang A1 Baru")).toBe(true);
    const { enrolledSubtree } = await expectRollupsMatchRecount();
    // Province B now counts unit A's learners through agency A; province A counts none.
    expect(enrolledSubtree.some((r) => r.ancestor_id === tree.provB.id && r.course_id === "ru-c1")).toBe(true);
    expect(enrolledSubtree.some((r) => r.ancestor_id === tree.provA.id && r.course_id === "ru-c1")).toBe(false);
  });
});

describe("an enrollment already started", () => {
  beforeAll(async () => {
    const db = await getDb();
    const run = (q: ReturnType<typeof sql>) => db.execute(q);
    await run(sql`insert into courses (id, slug, title, summary, level, version, minutes, jp, pass_percent, valid_months, position, content_hash)
      values ('rs-c1', 'rs-1', 'RS1', 's', 'dasar', '1', 10, 2, 70, 24, 92, 'h')`);
    await run(sql`insert into lessons (id, course_id, slug, title, summary, kind, minutes, position, content_hash)
      values ('rs-l1', 'rs-c1', 'satu', 'Satu', 's', 'lesson', 5, 1, 'h'), ('rs-l2', 'rs-c1', 'dua', 'Dua', 's', 'lesson', 5, 2, 'h')`);
  });

  it("is locked but not rewritten when the learner opens or completes a lesson again (no new row version)", async () => {
    const db = await getDb();
    const learner = await createAccount(tree.unitA.id);
    const ref = (lessonId: string) => ({ lessonId, courseId: "rs-c1", courseVersion: "1" });
    const version = async () =>
      (await rows(sql`select xmin::text as v, started_at from enrollments where user_id = ${learner.id} and course_id = 'rs-c1'`))[0] as {
        v: string;
        started_at: unknown;
      };

    await touchLesson(db, learner.id, ref("rs-l1"));
    const first = await version();
    expect(first.started_at).not.toBeNull();
    await touchLesson(db, learner.id, ref("rs-l2"));
    expect(await version()).toEqual(first);
    // Completing a lesson takes the enrollment's lock; the row changes only for the new count.
    await completeLesson(db, learner.id, ref("rs-l1"));
    const completed = await rows(sql`select completed_lessons, started_at from enrollments where user_id = ${learner.id} and course_id = 'rs-c1'`);
    expect(completed).toEqual([{ completed_lessons: 1, started_at: first.started_at }]);
    const afterCompletion = await version();
    await completeLesson(db, learner.id, ref("rs-l1"));
    expect(await version()).toEqual(afterCompletion);
    await expectRollupsMatchRecount();
  });

  it("leaves the caller's transaction with PostgreSQL's usual plan choice (the completion facts force their generic plan)", async () => {
    const db = await getDb();
    const learner = await createAccount(tree.unitA.id);
    const setting = await db.transaction(async (tx) => {
      await markLessonComplete(tx, learner.id, { lessonId: "rs-l2", courseId: "rs-c1", courseVersion: "1" });
      const result = (await tx.execute(sql`select current_setting('plan_cache_mode') as mode`)) as unknown as { rows?: unknown[] } | unknown[];
      return (Array.isArray(result) ? result : result.rows)?.[0];
    });
    expect(setting).toEqual({ mode: "auto" });
  });

  it("is started by the first lesson opened when an assignment created it unstarted", async () => {
    const db = await getDb();
    const learner = await createAccount(tree.unitA.id);
    await db.execute(sql`insert into enrollments (id, user_id, course_id) values (${`rs-e-${learner.id}`}, ${learner.id}, 'rs-c1')`);
    await touchLesson(db, learner.id, { lessonId: "rs-l1", courseId: "rs-c1", courseVersion: "1" });
    const [row] = await rows(sql`select started_at is not null as started from enrollments where user_id = ${learner.id}`);
    expect(row).toEqual({ started: true });
    await expectRollupsMatchRecount();
  });
});

describe("quiz score rollups", () => {
  it("give the same pre-test and final means as the attempts after every kind of write", async () => {
    const db = await getDb();
    // A tree of its own: the test above moves agency A to province B.
    const tree = await createTwoAgencies();
    const run = (q: ReturnType<typeof sql>) => db.execute(q);
    const unit2 = await createAgency(db, { code: `Q-${Date.now()}`, name: "Bidang Kuis", kind: "unit", parentId: tree.agencyA.id });
    await run(sql`insert into courses (id, slug, title, summary, level, version, minutes, jp, pass_percent, valid_months, position, content_hash)
      values ('rq-c1', 'rq-1', 'Q1', 's', 'dasar', '1', 10, 2, 70, 24, 93, 'h'), ('rq-c2', 'rq-2', 'Q2', 's', 'dasar', '1', 10, 2, 70, 24, 94, 'h')`);
    await run(sql`insert into lessons (id, course_id, slug, title, summary, kind, minutes, position, content_hash)
      values ('rq-l1', 'rq-c1', 'ujian', 'Ujian', 's', 'lesson', 5, 1, 'h'), ('rq-l2', 'rq-c2', 'ujian', 'Ujian', 's', 'lesson', 5, 1, 'h')`);
    await run(sql`insert into users (id, email, name, password_hash, agency_id)
      select 'rq-u' || i, 'rq' || i || '@uji.sigap.id', 'Q ' || i, 'x', case when i % 3 = 0 then ${tree.unitA.id} when i % 3 = 1 then ${unit2.id} else ${tree.unitB.id} end
      from generate_series(1, 30) i`);
    const attempt = (id: string, user: string, course: number, purpose: string, score: number | null, submitted: boolean) =>
      sql`insert into final_quiz_attempts (id, user_id, lesson_id, course_id, quiz_id, purpose, seed, item_ids, option_order, score, course_version, submitted_at)
        values (${id}, ${user}, ${`rq-l${course}`}, ${`rq-c${course}`}, 'q', ${purpose}, 's', '[]', '{}', ${score}, '1', ${submitted ? sql`now()` : null})`;

    // The same three reads from the recount (the oracle) and from the rollups.
    const means =
      (inScopeOf: (db: Db, path: string) => Promise<unknown[]>, byUnitOf: (db: Db, path: string, course: string) => Promise<unknown[]>) => async () => {
        const [inScope, byUnit1, byUnit2] = await Promise.all([
          inScopeOf(db, tree.provA.path),
          byUnitOf(db, tree.provA.path, "rq-c1"),
          byUnitOf(db, tree.provA.path, "rq-c2"),
        ]);
        return { inScope, byUnit1, byUnit2 };
      };
    const direct = means(directMeansInScope, directMeansByUnit);
    const rolled = means(meanScoresInScope, meanScoresByUnit);
    const sorted = <T>(xs: T[]) => [...xs].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    const expectSameMeans = async () => {
      const [d, r] = await Promise.all([direct(), rolled()]);
      for (const k of ["inScope", "byUnit1", "byUnit2"] as const) expect(sorted(r[k] as unknown[])).toEqual(sorted(d[k] as unknown[]));
      const learnerScores = await rows(
        sql`select user_id, course_id, purpose::text as purpose, agency_id, score from quiz_learner_scores where user_id like 'rq-%' order by 1, 2, 3`,
      );
      const recount = await rows(sql`
        select f.user_id, f.course_id, f.purpose::text as purpose, u.agency_id, case when f.purpose = 'pretest' then min(f.score) else max(f.score) end as score
        from final_quiz_attempts f join users u on u.id = f.user_id where f.submitted_at is not null and f.user_id like 'rq-%' group by f.user_id, f.course_id, f.purpose, u.agency_id order by 1, 2, 3`);
      expect(learnerScores).toEqual(recount);
      return d;
    };

    // Submitted and open attempts, several per learner, one without a score; learners of another province.
    for (let i = 1; i <= 30; i++) {
      await run(attempt(`rq-a${i}-p`, `rq-u${i}`, 1 + (i % 2), "pretest", (i * 17) % 100, true));
      await run(attempt(`rq-a${i}-f1`, `rq-u${i}`, 1 + (i % 2), "final", (i * 31) % 100, true));
      if (i % 4 === 0) await run(attempt(`rq-a${i}-f2`, `rq-u${i}`, 1 + (i % 2), "final", (i * 7) % 100, true));
      if (i % 5 === 0) await run(attempt(`rq-a${i}-open`, `rq-u${i}`, 1, "pretest", null, false));
    }
    await run(attempt("rq-null", "rq-u3", 2, "pretest", null, true));
    const first = await expectSameMeans();
    expect(first.inScope.length).toBe(4);
    expect(first.byUnit1.length).toBeGreaterThan(1);

    // Submitting an open attempt, a re-score, a better and a worse retry, deletes, a purpose change.
    await run(sql`update final_quiz_attempts set submitted_at = now(), score = 3 where id = 'rq-a5-open'`);
    await run(sql`update final_quiz_attempts set score = 99 where id = 'rq-a6-f1'`);
    await run(sql`update final_quiz_attempts set score = 1 where id in ('rq-a8-f2', 'rq-a9-p')`);
    await run(sql`delete from final_quiz_attempts where id in ('rq-a12-f1', 'rq-a13-p', 'rq-a13-f1', 'rq-null')`);
    await run(sql`update final_quiz_attempts set purpose = 'final' where id = 'rq-a10-open'`);
    await run(sql`update final_quiz_attempts set submitted_at = null where id = 'rq-a14-p'`);
    await expectSameMeans();

    // Learners moving unit (into the scope and out of it), in bulk too, and one deleted.
    await run(sql`update users set agency_id = ${tree.unitA.id} where id = 'rq-u2'`);
    await run(sql`update users set agency_id = ${tree.unitB.id} where id = 'rq-u3'`);
    await run(sql`update users set agency_id = ${unit2.id} where id in ('rq-u6', 'rq-u9', 'rq-u11')`);
    await run(sql`delete from users where id = 'rq-u7'`);
    await expectSameMeans();
  });
});
