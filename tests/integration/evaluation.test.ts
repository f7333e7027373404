import path from "node:path";
import { and, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getSyncedContent } from "~/content/sync.server";
import { submitLessonForm } from "~/content/lesson-page.server";
import { loader as courseLoader } from "~/routes/kursus.$course._index";
import { action as evalAction, loader as evalLoader } from "~/routes/kursus.$course.evaluasi";
import { loader as pageLoader } from "~/routes/kelola.evaluasi";
import { loader as csvLoader } from "~/routes/kelola.evaluasi[.]csv";
import { loader as xlsxLoader } from "~/routes/kelola.evaluasi[.]xlsx";
import { loader as certificatesLoader } from "~/routes/saya.sertifikat._index";
import { courseEvaluations, enrollments, users } from "../../db/schema";
import { getUser } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { createAccount, createTwoAgencies, get, post, run, sessionCookieFor } from "../setup/factories";
import { answerFinalQuiz } from "../setup/final-quiz";

const original = process.env.CONTENT_DIR;
const COURSE = "kursus-uji";
const URL_ = `/kursus/${COURSE}/evaluasi`;
let courseId: string;
let tree: Awaited<ReturnType<typeof createTwoAgencies>>;
let managerA: string, managerB: string;
type Person = { id: string; name: string; cookie: string };
let rina: Person; // unit A, completes the course for real
let others: Person[]; // unit A ×2, agency A ×1, unit B ×1: completion set directly

const future = (days: number) => new Date(Date.now() + 7 * 3600e3 + days * 86400e3).toISOString().slice(0, 10);
const form = (over: Record<string, string> = {}) => ({
  relevance: "5",
  clarity: "4",
  practice: "4",
  time: "3",
  recommend: "5",
  comment: "",
  planChange: "Menjawab setiap DM warga pada hari kerja yang sama.",
  planDue: future(30),
  planEvidence: "Rekap bulanan waktu respons di rapat bidang.",
  ...over,
});

async function person(agencyId: string, name: string, nip: string | null = null): Promise<Person> {
  const account = await createAccount(agencyId, "learner", name);
  if (nip) await (await getDb()).update(users).set({ nip }).where(eq(users.id, account.id));
  return { id: account.id, name, cookie: await sessionCookieFor(account.email) };
}

async function markComplete(userId: string) {
  await (
    await getDb()
  )
    .insert(enrollments)
    .values({ id: `enr-${userId}`, userId, courseId, completedLessons: 2, startedAt: new Date(), completedAt: new Date() })
    .onConflictDoUpdate({ target: [enrollments.userId, enrollments.courseId], set: { completedAt: new Date() } });
}

const rows = async (userId: string) =>
  (await getDb())
    .select()
    .from(courseEvaluations)
    .where(and(eq(courseEvaluations.userId, userId), eq(courseEvaluations.courseId, courseId)));
const submit = (who: Person, over: Record<string, string> = {}) => run(evalAction, post(URL_, form(over), who.cookie), { course: COURSE });
const page = async (cookie: string, query = "") => (await run(pageLoader, get(`/kelola/evaluasi${query}`, cookie))).json();

beforeAll(async () => {
  process.env.CONTENT_DIR = path.resolve("tests/fixtures/content-ok");
  courseId = (await getSyncedContent()).ids.get(`${COURSE}/pembuka`)!.courseId;
  tree = await createTwoAgencies();
  managerA = await sessionCookieFor((await createAccount(tree.agencyA.id, "manager")).email);
  managerB = await sessionCookieFor((await createAccount(tree.agencyB.id, "manager")).email);
  rina = await person(tree.unitA.id, "Rina Evaluasi", "198701012010012001");
  others = [
    await person(tree.unitA.id, "Sari Evaluasi"),
    await person(tree.unitA.id, "Tono Evaluasi"),
    await person(tree.agencyA.id, "Umar Evaluasi"),
    await person(tree.unitB.id, "Budi Evaluasi B"),
  ];
});
afterAll(() => {
  process.env.CONTENT_DIR = original;
});

describe("the learner's evaluation and action plan", () => {
  it("opens only after the course is complete: before, the page says so and a post stores nothing", async () => {
    const before = await (await run(evalLoader, get(URL_, rina.cookie), { course: COURSE })).json();
    expect(before.open).toBe(false);
    const outline = await (await run(courseLoader, get(`/kursus/${COURSE}`, rina.cookie), { course: COURSE })).json();
    expect(outline.evaluation).toBeNull();
    const res = await submit(rina);
    expect(res.status).toBe(403);
    expect((await res.json()).errors).toEqual({ _form: "eval.notComplete" });
    expect(await rows(rina.id)).toHaveLength(0);
    expect((await run(evalLoader, get("/kursus/tidak-ada/evaluasi", rina.cookie), { course: "tidak-ada" })).status).toBe(404);
  });

  it("is offered on the course page and the certificate page once the course is complete", async () => {
    const user = (await getUser(get("/", rina.cookie)))!;
    const f = new FormData();
    f.set("intent", "complete");
    await submitLessonForm(user, COURSE, "pembuka", f);
    await answerFinalQuiz(user, COURSE, "kuis-akhir", "kunci-evaluasi-01");
    const outline = await (await run(courseLoader, get(`/kursus/${COURSE}`, rina.cookie), { course: COURSE })).json();
    expect(outline.evaluation).toEqual({ submitted: false });
    const certs = await (await run(certificatesLoader, get("/saya/sertifikat", rina.cookie))).json();
    expect(certs.certificates[0].evaluation).toEqual({ slug: COURSE, submitted: false });
    expect((await (await run(evalLoader, get(URL_, rina.cookie), { course: COURSE })).json()).open).toBe(true);
  });

  it("refuses an invalid form with field errors and gives back what was typed", async () => {
    const res = await submit(rina, { clarity: "9", planChange: "pendek", planDue: "2020-01-01", comment: "Sudah bagus" });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.errors).toEqual({ clarity: "eval.error.rating", planChange: "eval.error.planShort", planDue: "eval.error.datePast" });
    expect(body.fields).toMatchObject({ clarity: "9", planChange: "pendek", comment: "Sudah bagus", relevance: "5" });
    expect(await rows(rina.id)).toHaveLength(0);
  });

  it("stores a double or concurrent submit once, redirects, and lets the learner change it while editable", async () => {
    const first = await submit(rina, { comment: "Contoh kasusnya dekat dengan pekerjaan." });
    expect(first.status).toBe(302);
    expect(first.headers.get("location")).toBe(`${URL_}?tersimpan=1`);
    const again = await Promise.all(Array.from({ length: 6 }, () => submit(rina, { comment: "Contoh kasusnya dekat dengan pekerjaan." })));
    expect(again.map((r) => r.status)).toEqual(Array(6).fill(302));
    const [stored] = await rows(rina.id);
    expect(await rows(rina.id)).toHaveLength(1);
    expect(stored).toMatchObject({ relevance: 5, clarity: 4, time: 3, comment: "Contoh kasusnya dekat dengan pekerjaan.", planDue: future(30) });

    expect((await submit(rina, { time: "4", comment: "Contoh kasusnya dekat dengan pekerjaan." })).status).toBe(302);
    const [changed] = await rows(rina.id);
    expect(changed!.time).toBe(4);
    expect(changed!.submittedAt).toEqual(stored!.submittedAt);
    expect(changed!.updatedAt.getTime()).toBeGreaterThanOrEqual(stored!.updatedAt.getTime());
    const shown = await (await run(evalLoader, get(`${URL_}?tersimpan=1`, rina.cookie), { course: COURSE })).json();
    expect(shown).toMatchObject({ open: true, saved: true, editable: true, fields: { time: "4", planChange: form().planChange } });
    const outline = await (await run(courseLoader, get(`/kursus/${COURSE}`, rina.cookie), { course: COURSE })).json();
    expect(outline.evaluation).toEqual({ submitted: true });
  });

  it("is locked 30 days after the first submit: a later post changes nothing", async () => {
    const db = await getDb();
    const long = new Date(Date.now() - 31 * 86400e3);
    await db.update(courseEvaluations).set({ submittedAt: long }).where(eq(courseEvaluations.userId, rina.id));
    const res = await submit(rina, { relevance: "1" });
    expect(res.status).toBe(409);
    expect((await res.json()).errors).toEqual({ _form: "eval.locked" });
    expect((await rows(rina.id))[0]!.relevance).toBe(5);
    expect((await (await run(evalLoader, get(URL_, rina.cookie), { course: COURSE })).json()).editable).toBe(false);
    await db.update(courseEvaluations).set({ submittedAt: new Date() }).where(eq(courseEvaluations.userId, rina.id));
  });
});

describe("what managers see, scoped to their agency tree", () => {
  beforeAll(async () => {
    const [sari, tono, umar, budi] = others as [Person, Person, Person, Person];
    for (const p of others) await markComplete(p.id);
    expect((await submit(sari, { relevance: "4", clarity: "3", practice: "5", time: "2", recommend: "4", comment: "Waktunya kurang." })).status).toBe(302);
    expect((await submit(tono, { relevance: "3", clarity: "5", practice: "3", time: "4", recommend: "3", planChange: '=HYPERLINK("http://x")' })).status).toBe(
      302,
    );
    expect((await submit(umar, { relevance: "1", clarity: "1", practice: "1", time: "1", recommend: "1", comment: "Rahasia Umar" })).status).toBe(302);
    expect((await submit(budi, { relevance: "2", clarity: "2", practice: "2", time: "2", recommend: "2", comment: "Komentar Banten" })).status).toBe(302);
  });

  it("shows agency A's means per course and unit, its plans by name and its comments without names — nothing of agency B", async () => {
    const a = await page(managerA);
    const course = a.courses.find((c: { id: string }) => c.id === courseId);
    // Rina 5/4/4/4/5, Sari 4/3/5/2/4, Tono 3/5/3/4/3, Umar 1/1/1/1/1 — Budi (agency B) is not counted.
    expect(course.means).toEqual({
      responses: 4,
      means: { relevance: 3.3, clarity: 3.3, practice: 3.3, time: 2.8, recommend: 3.3 },
      overall: 3.2,
    });
    const units = Object.fromEntries(a.units.map((u: { id: string; means: unknown }) => [u.id, u.means]));
    expect(Object.keys(units).sort()).toEqual([tree.agencyA.id, tree.unitA.id].sort());
    expect(units[tree.unitA.id]).toMatchObject({ responses: 3, overall: 3.9 });
    // One response in the agency itself: counted, but its numbers stay hidden.
    expect(units[tree.agencyA.id]).toMatchObject({ responses: 1, overall: null, means: { relevance: null } });
    expect(a.plans.map((p: { name: string }) => p.name).sort()).toEqual(["Rina Evaluasi", "Sari Evaluasi", "Tono Evaluasi", "Umar Evaluasi"]);
    expect(a.plans.find((p: { name: string }) => p.name === "Rina Evaluasi").nip).toBe("198701012010012001");
    expect(a.comments.sort()).toEqual(["Contoh kasusnya dekat dengan pekerjaan.", "Rahasia Umar", "Waktunya kurang."]);
    const text = JSON.stringify(a);
    expect(text).not.toContain("Budi");
    expect(text).not.toContain("Komentar Banten");
    expect(text).not.toContain(tree.unitB.id);
    // No rating of a named person reaches the page.
    expect(a.plans[0]).not.toHaveProperty("relevance");

    const b = await page(managerB);
    expect(b.courses.find((c: { id: string }) => c.id === courseId).means).toMatchObject({ responses: 1, overall: null });
    expect(b.plans.map((p: { name: string }) => p.name)).toEqual(["Budi Evaluasi B"]);
    expect(b.comments).toBeNull(); // under the minimum group: no comments either
    expect(JSON.stringify(b)).not.toMatch(/Rina|Sari|Tono|Umar|Rahasia/);
  });

  it("exports the plans as CSV (the locale's separator, formula guard) and XLSX (NIP as text), scoped the same", async () => {
    const csv = await (await run(csvLoader, get(`/kelola/evaluasi.csv?kursus=${courseId}`, managerA))).text();
    const lines = csv
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toBe("nama;nip;unit;kursus;rencana_perubahan;target;cara_atasan_melihat;dikirim;diubah");
    expect(lines).toHaveLength(5);
    expect(csv).not.toContain("Budi");
    expect(csv).toContain(`'=HYPERLINK(""http://x"")`);
    const en = await (await run(csvLoader, get(`/kelola/evaluasi.csv?kursus=${courseId}`, `${managerA}; sigap_lang=en`))).text();
    expect(en.replace(/^\uFEFF/, "").split("\r\n")[0]).toBe("nama,nip,unit,kursus,rencana_perubahan,target,cara_atasan_melihat,dikirim,diubah");

    const res = await run(xlsxLoader, get(`/kelola/evaluasi.xlsx?kursus=${courseId}`, managerA));
    expect(res.headers.get("content-disposition")).toMatch(/filename="rencana-aksi-sigap-\d{4}-\d{2}-\d{2}\.xlsx"/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
    const sheet = workbook.worksheets[0]!;
    const rinaRow = sheet.getRow(sheet.getColumn(1).values.indexOf("Rina Evaluasi"));
    expect(rinaRow.getCell(2).value).toBe("198701012010012001");
    expect(rinaRow.getCell(6).value).toBeInstanceOf(Date);
    expect(sheet.rowCount).toBe(5);

    const b = await (await run(csvLoader, get(`/kelola/evaluasi.csv?kursus=${courseId}`, managerB))).text();
    expect(b).toContain("Budi Evaluasi B");
    expect(b).not.toMatch(/Rina|Sari|Tono|Umar/);
    expect((await run(csvLoader, get("/kelola/evaluasi.csv", rina.cookie))).status).toBe(403);
  });

  it("exports the means per course and unit with the small groups left blank, decimals as Indonesian Excel reads them", async () => {
    const csv = await (await run(csvLoader, get("/kelola/evaluasi.csv?jenis=rerata", managerA))).text();
    const lines = csv
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toBe("kursus;unit;tanggapan;relevan;jelas;latihan;waktu_sepadan;direkomendasikan;rata_rata");
    expect(lines).toContain('Kursus Uji;Semua unit;4;"3,3";"3,3";"3,3";"2,8";"3,3";"3,2"');
    expect(lines).toContain(`Kursus Uji;${tree.agencyA.name};1;;;;;;`);
    expect(csv).not.toContain(tree.unitB.name);
    const xlsx = await run(xlsxLoader, get("/kelola/evaluasi.xlsx?jenis=rerata", managerA));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await xlsx.arrayBuffer());
    expect(workbook.worksheets[0]!.getRow(2).values).toEqual([undefined, "Kursus Uji", "Semua unit", 4, 3.3, 3.3, 3.3, 2.8, 3.3, 3.2]);
  });
});
