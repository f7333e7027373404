import path from "node:path";
import { randomUUID } from "node:crypto";
import { inflateSync } from "node:zlib";
import { and, eq } from "drizzle-orm";
import { PDFDocument } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, certificates, enrollments, mailMessages } from "../../db/schema";
import { getSyncedContent } from "~/content/sync.server";
import { assignCourse } from "~/models/enrollment.server";
import { dashboardPage } from "~/models/rollups.server";
import { createUser } from "~/models/user.server";
import { loader as reportLoader } from "~/routes/kelola.laporan-pimpinan";
import { loader as pdfLoader } from "~/routes/kelola.laporan-pimpinan[.]pdf";
import { action as assignAction, loader as assignLoader } from "~/routes/kelola.penugasan";
import { getDb } from "~/utils/db.server";
import { createAccount, createTwoAgencies, get, post, run, sessionCookieFor, TEST_PASSWORD } from "../setup/factories";

const original = process.env.CONTENT_DIR;
const DAY = 86400e3;
const day = (offset: number) => new Date(Date.now() + 7 * 3600e3 + offset * DAY).toISOString().slice(0, 10);
let tree: Awaited<ReturnType<typeof createTwoAgencies>>;
let managerA: string, managerB: string, courseId: string, courseSlug: string;
let a: { id: string; nip: string | null }[];
let b: { id: string; nip: string | null }[];
let managerAId: string;

let nipSerial = 100;
const learner = async (agencyId: string, name: string) =>
  createUser(await getDb(), {
    name,
    email: `${randomUUID().slice(0, 8)}@uji.sigap.id`,
    nip: `19870101201001${1000 + nipSerial++}`,
    agencyId,
    role: "learner",
    password: TEST_PASSWORD,
  });

/** A current certificate issued `issuedDaysAgo`, expiring in `expiresInDays`. */
async function certificate(
  userId: string,
  agencyId: string,
  issuedDaysAgo: number,
  expiresInDays: number,
  extra: Partial<typeof certificates.$inferInsert> = {},
) {
  const db = await getDb();
  await db.insert(certificates).values({
    id: randomUUID(),
    code: `SGP-${randomUUID().slice(0, 13).toUpperCase()}`,
    userId,
    courseId,
    learnerName: "Uji",
    agencyId,
    agencyName: "Uji",
    courseTitle: "Kursus uji",
    courseVersion: "1.0",
    jp: 8,
    issuedAt: new Date(Date.now() - issuedDaysAgo * DAY),
    expiresAt: new Date(Date.now() + expiresInDays * DAY),
    ...extra,
  });
}

beforeAll(async () => {
  const db = await getDb();
  process.env.CONTENT_DIR = path.resolve("tests/fixtures/content-ok");
  courseId = (await getSyncedContent()).ids.get("kursus-uji/pembuka")!.courseId;
  courseSlug = "kursus-uji";
  tree = await createTwoAgencies();
  const mA = await createAccount(tree.agencyA.id, "manager");
  managerAId = mA.id;
  managerA = await sessionCookieFor(mA.email);
  managerB = await sessionCookieFor((await createAccount(tree.agencyB.id, "manager")).email);
  a = [
    await learner(tree.unitA.id, "Ani Satu"),
    await learner(tree.unitA.id, "Anto Dua"),
    await learner(tree.agencyA.id, "Ayu Tiga"),
    await learner(tree.unitA.id, "Asih Empat"),
  ];
  b = [await learner(tree.unitB.id, "Bima Satu"), await learner(tree.unitB.id, "Bela Dua")];
  await assignCourse(db, managerAId, { courseId, agency: tree.agencyA, dueDate: day(-5) });
  await assignCourse(db, managerAId, { courseId, agency: tree.agencyB, dueDate: day(-5) });
  // A: one valid (and 24 JP over the year: over the duty), one expiring in 30 days, one expired,
  // one suspended; B: a valid one and a revoked one, which A's report must not count.
  await certificate(a[0]!.id, tree.unitA.id, 10, 700, { jp: 24 });
  await certificate(a[1]!.id, tree.unitA.id, 690, 30);
  await certificate(a[2]!.id, tree.agencyA.id, 800, -20);
  await certificate(a[3]!.id, tree.unitA.id, 5, 720, { suspendedAt: new Date() });
  await certificate(b[0]!.id, tree.unitB.id, 3, 720);
  await certificate(b[1]!.id, tree.unitB.id, 4, 720, { revokedAt: new Date() });
  await db.update(enrollments).set({ completedAt: new Date(), completedLessons: 1 }).where(eq(enrollments.userId, a[0]!.id));
});
afterAll(() => {
  process.env.CONTENT_DIR = original;
});

type Report = Awaited<ReturnType<Awaited<ReturnType<typeof reportLoader>>["json"]>>;
const reportFor = async (cookie: string, query = "") => (await (await run(reportLoader, get(`/kelola/laporan-pimpinan${query}`, cookie))).json()) as Report;

describe("head-of-agency report (issue 15 item 4)", () => {
  it("shows the manager's own tree only, with the dashboard's numbers for today", async () => {
    const db = await getDb();
    const report = await reportFor(managerA);
    expect(report.agencyName).toBe("Disdukcapil A");
    expect(report.report.certificates).toEqual({ valid: 2, expiring: 1, expired: 1, revoked: 0, suspended: 1 });
    // The same counters as the dashboard's course table, for the same scope and day.
    const dashboard = await dashboardPage(db, tree.agencyA.path, courseId);
    expect(report.report.courses).toEqual(dashboard.courses);
    expect(report.report.totals.overdue).toBe(4); // five enrolled (the manager too), one finished
    expect(report.report.units.map((u) => [u.name, u.enrolled, u.completed, u.completion])).toEqual([
      ["Disdukcapil A", 5, 1, 20],
      ["Bidang A1", 3, 1, 33],
    ]);
    expect(report.report.overdue).toEqual([expect.objectContaining({ courseId, dueDate: day(-5), learners: 4, assigned: true })]);
    // JP: Ani has 24 JP this year; the other three (and nobody from B) are under 20 JP.
    expect(report.report.jp).toMatchObject({ people: 5, under: 4 }); // the manager counts too
    expect(report.report.jp.lowest.map((p) => p.name)).not.toContain("Ani Satu");
    expect(report.report.jp.lowest.map((p) => p.name)).not.toContain("Bima Satu");

    const other = await reportFor(managerB);
    expect(other.agencyName).toBe("Diskominfo B");
    expect(other.report.certificates).toEqual({ valid: 1, expiring: 0, expired: 0, revoked: 1, suspended: 0 });
  });

  it("counts expiry and due dates against a chosen day, and ignores a day it cannot read", async () => {
    const later = await reportFor(managerA, `?tanggal=${day(45)}`);
    expect(later.asOf).toBe(day(45));
    expect(later.note).toContain("dibandingkan dengan tanggal");
    // The certificate expiring in 30 days has expired by then.
    expect(later.report.certificates).toMatchObject({ valid: 1, expired: 2 });
    const earlier = await reportFor(managerA, `?tanggal=${day(-10)}`);
    expect(earlier.report.totals.overdue).toBe(0); // due five days ago: not yet overdue ten days ago
    const junk = await reportFor(managerA, "?tanggal=2020-02-30");
    expect(junk).toMatchObject({ asOf: null, dateInvalid: true });
  });

  it("downloads the same report as a PDF with the agency, date and page numbers", async () => {
    const response = await run(pdfLoader, get("/kelola/laporan-pimpinan.pdf", managerA));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect(Buffer.from(bytes.slice(0, 5)).toString()).toBe("%PDF-");
    const pdf = await PDFDocument.load(bytes);
    expect(pdf.getPageCount()).toBeGreaterThanOrEqual(1);
    expect(pdf.getTitle()).toContain("Disdukcapil A");
    // The page content streams, inflated: pdf-lib writes standard-font text as hex strings.
    const file = Buffer.from(bytes);
    let raw = "";
    for (let at = file.indexOf(">>\nstream\n"); at >= 0; at = file.indexOf(">>\nstream\n", at + 1)) {
      const end = file.indexOf("endstream", at);
      if (end < 0) break;
      try {
        raw += inflateSync(file.subarray(at + 10, end)).toString("latin1");
      } catch {
        // not a compressed stream
      }
    }
    const hex = (s: string) => Buffer.from(s, "latin1").toString("hex").toUpperCase();
    expect(raw).toContain(hex(`Halaman 1 dari ${pdf.getPageCount()}`));
    expect(raw).toContain(hex("Disdukcapil A"));
    expect(raw).not.toContain(hex("Diskominfo B"));
    // Learners and other roles cannot download it.
    const learnerCookie = await sessionCookieFor((await createAccount(tree.unitA.id, "learner")).email);
    expect((await run(pdfLoader, get("/kelola/laporan-pimpinan.pdf", learnerCookie))).status).toBe(403);
  });
});

describe("assignments to chosen learners and reminders (issue 15 item 3)", () => {
  it("assigns to ticked learners and by NIP, and refuses anyone outside the scope without writing", async () => {
    const db = await getDb();
    const { courseId: other } = (await getSyncedContent()).ids.get("kursus-uji/pembuka")!;
    // Someone of B ticked by a tampered form: nothing is written for anyone.
    const refused = await run(assignAction, post("/kelola/penugasan", { intent: "learners", courseId: other, dueDate: day(30), userId: b[0]!.id }, managerA));
    expect(refused.status).toBe(400);
    expect((await refused.json()).errors["l-pick"]).toBe("assign.learnersRefused");
    const mixed = new URLSearchParams({ intent: "learners", courseId: other, dueDate: day(30) });
    mixed.append("userId", a[1]!.id);
    mixed.append("userId", b[1]!.id);
    const mixedReq = new Request("http://localhost:3000/kelola/penugasan", {
      method: "POST",
      body: mixed,
      headers: { "content-type": "application/x-www-form-urlencoded", origin: "http://localhost:3000", host: "localhost:3000", cookie: managerA },
    });
    expect((await run(assignAction, mixedReq)).status).toBe(400);
    const [untouched] = await db
      .select()
      .from(enrollments)
      .where(and(eq(enrollments.userId, a[1]!.id), eq(enrollments.courseId, other)));
    expect(untouched?.dueDate).toBe(day(-5));
    // B's NIP typed into A's list is "not found in your scope".
    const byNip = await run(
      assignAction,
      post("/kelola/penugasan", { intent: "learners", courseId: other, dueDate: day(30), nips: `${a[1]!.nip}\n${b[0]!.nip}` }, managerA),
    );
    expect(byNip.status).toBe(400);
    expect((await byNip.json()).learners.unknownNips).toBe(b[0]!.nip);

    // Two of A's learners: one ticked, one by NIP. The finished one keeps her record.
    const ok = await run(
      assignAction,
      post("/kelola/penugasan", { intent: "learners", courseId: other, dueDate: day(30), userId: a[1]!.id, nips: a[3]!.nip! }, managerA),
    );
    expect(ok.status).toBe(200);
    expect((await ok.json()).learners).toMatchObject({ count: 2 });
    const rows = await db.select().from(enrollments).where(eq(enrollments.courseId, other));
    expect(rows.find((r) => r.userId === a[1]!.id)?.dueDate).toBe(day(30));
    expect(rows.find((r) => r.userId === a[3]!.id)?.dueDate).toBe(day(30));
    expect(rows.find((r) => r.userId === b[0]!.id)?.dueDate).toBe(day(-5));
    const [entry] = await db.select().from(auditLog).where(eq(auditLog.action, "course.assign-learners"));
    expect(entry?.details).toMatchObject({ learners: 2, dueDate: day(30) });

    // The pick list shows A's people only.
    const page = await (await run(assignLoader, get("/kelola/penugasan", managerA))).json();
    const names = page.candidates.map((c: { name: string }) => c.name);
    expect(names).toEqual(expect.arrayContaining(["Ani Satu", "Ayu Tiga"]));
    expect(names).not.toContain("Bima Satu");
  });

  it("lists the overdue per course and due date and makes a reminder with course, date and link, audited", async () => {
    const page = await (await run(assignLoader, get("/kelola/penugasan", managerA))).json();
    const group = page.overdueGroups.find((g: { dueDate: string }) => g.dueDate === day(-5));
    // Anto and Asih got a new date above; Ayu, the manager and the learner who joined later
    // (all enrolled by the unit assignment) are left.
    expect(group.learners.map((l: { name: string }) => l.name)).toContain("Ayu Tiga");
    expect(group.learners).toHaveLength(3);
    const reminded = await (await run(assignAction, post("/kelola/penugasan", { intent: "remind", courseId, dueDate: day(-5) }, managerA))).json();
    expect(reminded.reminder.count).toBe(3);
    expect(reminded.reminder.message).toContain("melewati tenggat");
    expect(reminded.reminder.message).toContain(`/kursus/${courseSlug}`);
    const db = await getDb();
    const audits = await db.select().from(auditLog).where(eq(auditLog.action, "assignment.remind"));
    expect(audits).toHaveLength(1);
    expect(audits[0]!.details).toMatchObject({ learners: 3, dueDate: day(-5) });
    // Each of the three gets an overdue e-mail (the outbox without SMTP_URL); a second click the same day mails nobody twice.
    const mailed = async () =>
      (await db.select({ key: mailMessages.key, kind: mailMessages.kind }).from(mailMessages)).filter((m) => m.key.startsWith("remind:"));
    expect(reminded.reminder.mailed).toBe(3);
    expect((await mailed()).map((m) => m.kind)).toEqual(["overdue", "overdue", "overdue"]);
    const again = await (await run(assignAction, post("/kelola/penugasan", { intent: "remind", courseId, dueDate: day(-5) }, managerA))).json();
    expect(again.reminder.mailed).toBe(0);
    expect(await mailed()).toHaveLength(3);
    // B's manager gets no message for A's learners (B has its own overdue under the same date).
    const fromB = await (await run(assignAction, post("/kelola/penugasan", { intent: "remind", courseId, dueDate: day(-5) }, managerB))).json();
    expect(fromB.reminder.count).toBe(3);
  });
});
