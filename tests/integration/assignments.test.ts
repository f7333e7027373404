import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, enrollments } from "../../db/schema";
import { getSyncedContent } from "~/content/sync.server";
import { action as assignAction, loader as assignLoader } from "~/routes/kelola.penugasan";
import { getDb } from "~/utils/db.server";
import { createAccount, createTwoAgencies, get, post, run, sessionCookieFor } from "../setup/factories";

const original = process.env.CONTENT_DIR;
const day = (offset: number) => new Date(Date.now() + offset * 86400e3).toISOString().slice(0, 10);
let tree: Awaited<ReturnType<typeof createTwoAgencies>>;
let managerA: string, managerB: string, courseId: string;

beforeAll(async () => {
  process.env.CONTENT_DIR = path.resolve("tests/fixtures/content-ok");
  courseId = (await getSyncedContent()).ids.get("kursus-uji/pembuka")!.courseId;
  tree = await createTwoAgencies();
  managerA = await sessionCookieFor((await createAccount(tree.agencyA.id, "manager")).email);
  managerB = await sessionCookieFor((await createAccount(tree.agencyB.id, "manager")).email);
});
afterAll(() => {
  process.env.CONTENT_DIR = original;
});

describe("assignments you can change (issue 15 item 3, failed on main: no due-date change, no cancel, no overdue list)", () => {
  it("moves the due date for those who have not finished, lists the overdue with a reminder, and cancels keeping started learners' progress", async () => {
    const starter = await createAccount(tree.unitA.id, "learner", "Dina Sudah Mulai");
    const idle = await createAccount(tree.unitA.id, "learner", "Eko Belum Mulai");
    expect((await run(assignAction, post("/kelola/penugasan", { courseId, agencyId: tree.unitA.id, dueDate: day(10) }, managerA))).status).toBe(200);
    const page = await (await run(assignLoader, get("/kelola/penugasan", managerA))).json();
    const assignmentId = page.assignments[0].id as string;

    // Another agency's manager cannot touch it, nor learn that it exists.
    expect((await run(assignAction, post("/kelola/penugasan", { intent: "due", assignmentId, dueDate: day(20) }, managerB))).status).toBe(404);
    expect((await run(assignAction, post("/kelola/penugasan", { intent: "cancel", assignmentId }, managerB))).status).toBe(404);
    // A date in the past is refused.
    expect((await run(assignAction, post("/kelola/penugasan", { intent: "due", assignmentId, dueDate: "2020-01-01" }, managerA))).status).toBe(400);

    const moved = await run(assignAction, post("/kelola/penugasan", { intent: "due", assignmentId, dueDate: day(20) }, managerA));
    expect((await moved.json()).changed).toMatchObject({ kind: "due", due: day(20) });
    const db = await getDb();
    const rows = await db.select().from(enrollments).where(eq(enrollments.assignmentId, assignmentId));
    expect(rows.map((r) => r.dueDate)).toEqual(rows.map(() => day(20)));

    // Dina started; then the due date passes for both.
    await db.update(enrollments).set({ startedAt: new Date(), completedLessons: 1 }).where(eq(enrollments.userId, starter.id));
    await db
      .update(enrollments)
      .set({ dueDate: day(-3) })
      .where(eq(enrollments.assignmentId, assignmentId));
    const overdue = (await (await run(assignLoader, get("/kelola/penugasan", managerA))).json()).overdue.map((o: { name: string }) => o.name);
    expect(overdue).toEqual(expect.arrayContaining(["Dina Sudah Mulai", "Eko Belum Mulai"]));
    expect((await (await run(assignLoader, get("/kelola/penugasan", managerB))).json()).overdue).toEqual([]);

    const cancelled = await (await run(assignAction, post("/kelola/penugasan", { intent: "cancel", assignmentId }, managerA))).json();
    expect(cancelled.changed).toMatchObject({ kind: "cancel", removed: 1, kept: 1 });
    const left = await db.select().from(enrollments).where(eq(enrollments.courseId, courseId));
    expect(left.find((r) => r.userId === idle.id)).toBeUndefined();
    expect(left.find((r) => r.userId === starter.id)).toMatchObject({ assignmentId: null, dueDate: null, completedLessons: 1 });
    const audits = await db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.targetId, tree.unitA.id));
    expect(audits.map((a) => a.action)).toEqual(expect.arrayContaining(["course.assign", "assignment.due", "assignment.cancel"]));
  });
});
