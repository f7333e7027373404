import { randomUUID } from "node:crypto";
import path from "node:path";
import { and, eq, like, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { courseAssignments, enrollments, mailMessages } from "../../db/schema";
import { getSyncedContent } from "~/content/sync.server";
import { jakartaDate } from "~/mail/schedule";
import { enqueueDueReminders } from "~/mail/reminders.server";
import { saveMailSettings } from "~/models/mail.server";
import { getDb } from "~/utils/db.server";
import { createAccount, createTwoAgencies } from "../setup/factories";

const original = process.env.CONTENT_DIR;
let courseId: string;
let tree: Awaited<ReturnType<typeof createTwoAgencies>>;
const now = new Date();
const day = (offset: number) => {
  const d = new Date(Date.parse(`${jakartaDate(now)}T00:00:00Z`) + offset * 86400e3);
  return d.toISOString().slice(0, 10);
};

beforeAll(async () => {
  process.env.CONTENT_DIR = path.resolve("tests/fixtures/content-ok");
  courseId = (await getSyncedContent()).ids.get("kursus-uji/pembuka")!.courseId;
  tree = await createTwoAgencies();
});
afterAll(() => {
  process.env.CONTENT_DIR = original;
});

async function enrol(userId: string, dueDate: string) {
  const id = randomUUID();
  await (await getDb()).insert(enrollments).values({ id, userId, courseId, dueDate });
  return id;
}

describe("reminder tick", () => {
  it("two app instances ticking at once record each reminder once; a learner who turned reminders off gets none", async () => {
    const db = await getDb();
    const soon = await createAccount(tree.unitA.id, "learner");
    const late = await createAccount(tree.unitA.id, "learner");
    const quiet = await createAccount(tree.unitA.id, "learner");
    const manager = await createAccount(tree.agencyA.id, "manager");
    const other = await createAccount(tree.agencyB.id, "manager");
    await enrol(soon.id, day(7));
    const lateEnrolment = await enrol(late.id, day(-3));
    await enrol(quiet.id, day(7));
    await saveMailSettings(db, quiet.id, { lang: "id", reminders: false });
    const weekday = new Date(`${jakartaDate(now)}T00:00:00Z`).getUTCDay() || 7;
    await saveMailSettings(db, manager.id, { lang: "en", digestDay: weekday });
    await saveMailSettings(db, other.id, { lang: "id", digestDay: weekday });

    const counts = await Promise.all([enqueueDueReminders(db, now), enqueueDueReminders(db, now)]);
    expect(await enqueueDueReminders(db, now)).toBe(0);
    const mine = async (userId: string) => db.select().from(mailMessages).where(eq(mailMessages.userId, userId));
    expect((await mine(soon.id)).map((m) => m.kind)).toEqual(["dueSoon"]);
    expect((await mine(soon.id))[0]!.subject).toContain("Pengingat");
    const lateMail = await mine(late.id);
    expect(lateMail.map((m) => m.kind)).toEqual(["overdue"]);
    expect(lateMail[0]!.key).toBe(`overdue:${lateEnrolment}:${day(-3)}`);
    expect(await mine(quiet.id)).toEqual([]);
    // The manager's digest (in English, on their day) lists their subtree's overdue learner only.
    const digest = await mine(manager.id);
    expect(digest).toHaveLength(1);
    expect(digest[0]!.subject).toMatch(/^Weekly summary: \d+ learners? overdue$/);
    expect(digest[0]!.body).toContain(late.name);
    expect(await mine(other.id)).toEqual([]);
    expect(counts[0]! + counts[1]!).toBe((await db.select().from(mailMessages).where(like(mailMessages.key, "%:%"))).length);
    expect(
      await db
        .select()
        .from(mailMessages)
        .where(and(eq(mailMessages.userId, soon.id), eq(mailMessages.status, "queued"))),
    ).toHaveLength(1);
  });

  it("reads its candidates in batches: every learner past a batch boundary gets one message, nobody outside the windows does", async () => {
    const db = await getDb();
    const run = randomUUID().slice(0, 8);
    const batch = 5;
    const n = 2 * batch + 2;
    // Learners made in bulk, as an import adds a province (batches of 5 stand for the tick's 1,000): `a` assigned (one statement, so their
    // enrolments share one creation time), `s` due in three days, `f` due in a month.
    await db.execute(sql`insert into users (id, email, name, password_hash, role, agency_id)
      select ${run} || '-' || g || '-' || i, ${run} || '-' || g || '-' || i || '@uji.sigap.id', 'Peserta ' || i, 'x', 'learner', ${tree.unitB.id}
      from (values ('a'), ('s'), ('f')) v(g), generate_series(1, ${n}) i`);
    const assignmentId = randomUUID();
    await db.insert(courseAssignments).values({ id: assignmentId, courseId, agencyId: tree.unitB.id, dueDate: day(20) });
    await db.execute(sql`insert into enrollments (id, user_id, course_id, assignment_id, due_date)
      select 'e-' || u.id, u.id, ${courseId}, ${assignmentId}, ${day(20)}::date from users u where u.id like ${`${run}-a-%`}`);
    await db.execute(sql`insert into enrollments (id, user_id, course_id, due_date)
      select 'e-' || u.id, u.id, ${courseId}, case when u.id like ${`${run}-s-%`} then ${day(3)}::date else ${day(30)}::date end
      from users u where u.id like ${`${run}-s-%`} or u.id like ${`${run}-f-%`}`);

    expect(await enqueueDueReminders(db, now, batch)).toBe(2 * n);
    const kinds = async (group: string) =>
      db
        .select({ kind: mailMessages.kind, n: sql<number>`count(*)::int` })
        .from(mailMessages)
        .where(like(mailMessages.userId, `${run}-${group}-%`))
        .groupBy(mailMessages.kind);
    expect(await kinds("a")).toEqual([{ kind: "assigned", n }]);
    expect(await kinds("s")).toEqual([{ kind: "dueSoon", n }]);
    expect(await kinds("f")).toEqual([]);
    expect(await enqueueDueReminders(db, now, batch)).toBe(0);
  });
});
