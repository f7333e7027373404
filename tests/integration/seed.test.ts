import { and, eq, isNotNull, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { certificates, courses, enrollments, exerciseAttempts, exerciseTurns, quizAttempts, users } from "../../db/schema";
import { seedDemo } from "../../db/seed";
import { seededRandom } from "../../db/seed-history";
import { getSyncedContent } from "~/content/sync.server";
import { getAgencyByCode } from "~/models/agency.server";
import { dashboardPage } from "~/models/rollups.server";
import { STATUS_KEYS } from "~/learning/status-counts";
import { getDb } from "~/utils/db.server";

// The dashboard counts against the database's current_date, so the history is generated up to today.
const NOW = new Date();

beforeAll(async () => {
  await getSyncedContent();
  const started = performance.now();
  expect(await seedDemo(await getDb(), NOW)).toBe(true);
  // npm start seeds on first run: seconds, not minutes (generous for a loaded CI machine).
  expect(performance.now() - started).toBeLessThan(60_000);
}, 120_000);

describe("the demo looks like a real agency (issue 15 item 5, failed on main)", () => {
  it("fills every dashboard column for each demo manager, over the course they assigned first", async () => {
    const db = await getDb();
    for (const [code, course] of [
      ["16.01.DUKCAPIL", "etika-merespons-warga"],
      ["36.01.KOMINFO", "tata-kelola-media-sosial"],
    ] as const) {
      const agency = (await getAgencyByCode(db, code))!;
      const [{ id }] = (await db.select({ id: courses.id }).from(courses).where(eq(courses.slug, course))) as [{ id: string }];
      // The dashboard counts against today's date in SQL: look at it as of the seed's "now" plus a little.
      const page = await dashboardPage(db, agency.path, id);
      const counts = page.courses.find((c) => c.id === id)!.counts;
      for (const key of STATUS_KEYS) expect(counts[key], `${code} ${course}: ${key}`).toBeGreaterThan(0);
      const units = page.units.filter((u) => u.depth > 0);
      expect(units.length).toBeGreaterThan(1);
      expect(units.every((u) => u.counts.enrolled > 0)).toBe(true);
      // Certificates were issued over several months, not all on one day.
      expect(page.monthly.length).toBeGreaterThanOrEqual(3);
    }
  });

  it("has quiz and DM attempts whose replies come from the exercises' labelled examples", async () => {
    const db = await getDb();
    const [{ n: quizzes }] = (await db.select({ n: sql<number>`count(*)::int` }).from(quizAttempts)) as [{ n: number }];
    expect(quizzes).toBeGreaterThan(20);
    const [{ failed, passed }] = (await db
      .select({
        failed: sql<number>`count(*) filter (where not ${exerciseAttempts.passed})::int`,
        passed: sql<number>`count(*) filter (where ${exerciseAttempts.passed})::int`,
      })
      .from(exerciseAttempts)
      .where(eq(exerciseAttempts.status, "completed"))) as [{ failed: number; passed: number }];
    expect(passed).toBeGreaterThan(50);
    expect(failed).toBeGreaterThan(0);
    const [turn] = await db.select().from(exerciseTurns).where(eq(exerciseTurns.turnId, "t1")).limit(1);
    expect(turn!.reply.length).toBeGreaterThan(20);
    expect((turn!.grade as { graderVersion?: string }).graderVersion).toBeTruthy();
  });

  it("has certificates valid, expiring within 60 days, expired and revoked, and overdue learners", async () => {
    const db = await getDb();
    const [c] = (await db
      .select({
        valid: sql<number>`count(*) filter (where ${certificates.revokedAt} is null and ${certificates.expiresAt} > ${NOW.toISOString()}::timestamptz + interval '60 days')::int`,
        expiring: sql<number>`count(*) filter (where ${certificates.revokedAt} is null and ${certificates.expiresAt} > ${NOW.toISOString()}::timestamptz and ${certificates.expiresAt} <= ${NOW.toISOString()}::timestamptz + interval '60 days')::int`,
        expired: sql<number>`count(*) filter (where ${certificates.revokedAt} is null and ${certificates.expiresAt} <= ${NOW.toISOString()}::timestamptz)::int`,
        revoked: sql<number>`count(*) filter (where ${certificates.revokedAt} is not null)::int`,
      })
      .from(certificates)) as [{ valid: number; expiring: number; expired: number; revoked: number }];
    expect(c.valid).toBeGreaterThan(20);
    expect(c.expiring).toBeGreaterThan(0);
    expect(c.expired).toBeGreaterThan(0);
    expect(c.revoked).toBeGreaterThanOrEqual(2);
    const overdue = await db
      .select({ id: enrollments.id })
      .from(enrollments)
      .where(and(sql`${enrollments.dueDate} < ${NOW.toISOString().slice(0, 10)}::date`, sql`${enrollments.completedAt} is null`));
    expect(overdue.length).toBeGreaterThan(5);
  });

  it("gives the demo learner a valid certificate, and leaves the accounts end-to-end tests start from untouched", async () => {
    const db = await getDb();
    const own = await db
      .select({ code: certificates.code, expiresAt: certificates.expiresAt })
      .from(certificates)
      .innerJoin(users, eq(users.id, certificates.userId))
      .where(and(eq(users.email, "peserta@demo.sigap.id"), sql`${certificates.revokedAt} is null`));
    expect(own.some((c) => c.expiresAt > NOW)).toBe(true);
    expect(own[0]!.code).toMatch(/^SGP-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    const touched = await db
      .select({ email: users.email })
      .from(enrollments)
      .innerJoin(users, eq(users.id, enrollments.userId))
      .where(and(sql`${users.email} ~ '^peserta(0[0-9]|1[0-9]|20|3[7-9])@'`, isNotNull(enrollments.startedAt)));
    expect(touched).toEqual([]);
  });

  it("lists the learner's exercises by title with dates on the manager's detail page (issue 15 item 14, failed on main: slugs)", async () => {
    const { learnerDetail } = await import("~/models/learner-detail.server");
    const db = await getDb();
    const agency = (await getAgencyByCode(db, "16.01.DUKCAPIL"))!;
    const [rina] = await db.select({ id: users.id }).from(users).where(eq(users.email, "peserta@demo.sigap.id"));
    const detail = (await learnerDetail(db, agency.path, rina!.id))!;
    expect(detail.attempts.length).toBeGreaterThan(0);
    for (const a of detail.attempts) {
      expect(a.title).toMatch(/^Latihan|\s/);
      expect(a.title).not.toBe(a.slug);
      expect(a.completedAt).toBeInstanceOf(Date);
    }
  });

  it("has finishers' course evaluations, so the evaluation page shows means per course (decision 016)", async () => {
    const db = await getDb();
    const { surveySums } = await import("~/models/evaluation.server");
    const { surveySummary, MIN_GROUP } = await import("~/learning/evaluation");
    const agency = (await getAgencyByCode(db, "16.01.DUKCAPIL"))!;
    const sums = await surveySums(db, { path: agency.path, all: false });
    const perCourse = [...surveySummary(sums, null).courses.values()];
    expect(perCourse.length).toBeGreaterThan(0);
    expect(perCourse.some((m) => m.responses >= MIN_GROUP && m.overall! >= 1 && m.overall! <= 5)).toBe(true);
  });

  it("spreads this year's JP around the 20 JP duty, with a previous year in the ledger (issue 15 item 5)", async () => {
    const db = await getDb();
    const { jpLedgerPage } = await import("~/models/jp-ledger.server");
    const { jakartaYear } = await import("~/utils/dates");
    const year = jakartaYear(NOW);
    for (const code of ["16.01.DUKCAPIL", "36.01.KOMINFO"]) {
      const agency = (await getAgencyByCode(db, code))!;
      const scope = { path: agency.path, all: false };
      const jps: number[] = [];
      let after: string | null = null;
      do {
        const page: Awaited<ReturnType<typeof jpLedgerPage>> = await jpLedgerPage(db, scope, { year, unitId: null, underDuty: false, overCap: false }, after);
        jps.push(...page.people.map((p) => p.jp));
        after = page.next;
      } while (after);
      const over = jps.filter((jp) => jp >= 20).length;
      expect(over, `${code}: some at or over 20 JP`).toBeGreaterThanOrEqual(3);
      expect(over, `${code}: most under 20 JP`).toBeLessThan(jps.length / 2);
      expect(jps.filter((jp) => jp > 0 && jp < 20).length, `${code}: many between 0 and 20`).toBeGreaterThan(10);
      const last = await jpLedgerPage(db, scope, { year: year - 1, unitId: null, underDuty: false, overCap: false }, null);
      expect(
        last.people.some((p) => p.jp > 0),
        `${code}: JP last year`,
      ).toBe(true);
    }
  });

  it("is deterministic: the generator gives the same sequence every time", () => {
    const a = seededRandom(20261203);
    const b = seededRandom(20261203);
    expect(Array.from({ length: 5 }, () => a.next())).toEqual(Array.from({ length: 5 }, () => b.next()));
  });
});
