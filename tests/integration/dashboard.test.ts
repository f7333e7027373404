import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getSyncedContent } from "~/content/sync.server";
import { submitLessonForm } from "~/content/lesson-page.server";
import { loader as dashboardLoader } from "~/routes/kelola._index";
import ExcelJS from "exceljs";
import { loader as csvLoader } from "~/routes/kelola.laporan[.]csv";
import { loader as xlsxLoader } from "~/routes/kelola.laporan[.]xlsx";
import { loader as learnersLoader } from "~/routes/kelola.peserta._index";
import { action as detailAction, loader as detailLoader } from "~/routes/kelola.peserta.$id";
import { action as assignAction } from "~/routes/kelola.penugasan";
import { agencies, users, enrollments } from "../../db/schema";
import { createAgency } from "~/models/agency.server";
import { getUser } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { createAccount, createTwoAgencies, get, post, run, sessionCookieFor } from "../setup/factories";
import { answerFinalQuiz } from "../setup/final-quiz";

const original = process.env.CONTENT_DIR;
let tree: Awaited<ReturnType<typeof createTwoAgencies>>;
let managerA: string, managerB: string;
let learnerA: { id: string; cookie: string };
let learnerBId: string;
let courseId: string;

beforeAll(async () => {
  process.env.CONTENT_DIR = path.resolve("tests/fixtures/content-ok");
  courseId = (await getSyncedContent()).ids.get("kursus-uji/pembuka")!.courseId;
  tree = await createTwoAgencies();
  managerA = await sessionCookieFor((await createAccount(tree.agencyA.id, "manager")).email);
  managerB = await sessionCookieFor((await createAccount(tree.agencyB.id, "manager")).email);
  const la = await createAccount(tree.unitA.id, "learner", "Rina Unit A");
  learnerA = { id: la.id, cookie: await sessionCookieFor(la.email) };
  learnerBId = (await createAccount(tree.unitB.id, "learner", "Budi Unit B")).id;
});
afterAll(() => {
  process.env.CONTENT_DIR = original;
});

/** A query string as a person or a log reader might decode it: raw, URL-decoded, and each value as base64, base64url and hex. */
function readings(search: string): string[] {
  const values = [...new URLSearchParams(search).values()];
  const decoded = values.flatMap((v) => (["base64", "base64url", "hex"] as const).map((encoding) => Buffer.from(v, encoding).toString("utf8")));
  return [search, decodeURIComponent(search), ...values, ...decoded];
}

const future = new Date(Date.now() + 30 * 86400e3).toISOString().slice(0, 10);

describe("assignments and the dashboard", () => {
  it("assigns a course: enrols everyone now and people who join later; other agencies untouched", async () => {
    const res = await run(assignAction, post("/kelola/penugasan", { courseId, agencyId: tree.agencyA.id, dueDate: future }, managerA));
    expect(res.status).toBe(200);
    await createAccount(tree.unitA.id, "learner", "Citra Bergabung Kemudian");
    const data = await (await run(dashboardLoader, get(`/kelola?kursus=${courseId}`, managerA))).json();
    const course = data.courses.find((c: { id: string }) => c.id === courseId);
    expect(course.counts).toMatchObject({ enrolled: 3, notStarted: 3, completed: 0 }); // manager, Rina, Citra
    const unit = data.units.find((u: { id: string }) => u.id === tree.unitA.id);
    expect(unit.counts.enrolled).toBe(2);
    const top = data.units.find((u: { id: string }) => u.id === tree.agencyA.id);
    expect(top.counts.enrolled).toBe(3);

    const outside = await run(assignAction, post("/kelola/penugasan", { courseId, agencyId: tree.agencyB.id, dueDate: future }, managerA));
    expect((await outside.json()).errors).toEqual({ agencyId: "error.agencyScope" });
    const past = await run(assignAction, post("/kelola/penugasan", { courseId, agencyId: tree.unitA.id, dueDate: "2020-01-01" }, managerA));
    expect((await past.json()).errors).toEqual({ dueDate: "assign.dueInvalid" });
  });

  it("counts progress and certificates per unit", async () => {
    const user = (await getUser(get("/", learnerA.cookie)))!;
    const f = new FormData();
    f.set("intent", "complete");
    await submitLessonForm(user, "kursus-uji", "pembuka", f);
    await answerFinalQuiz(user, "kursus-uji", "kuis-akhir", "kunci-dasbor-01");
    const data = await (await run(dashboardLoader, get(`/kelola?kursus=${courseId}`, managerA))).json();
    const unit = data.units.find((u: { id: string }) => u.id === tree.unitA.id);
    expect(unit.counts).toMatchObject({ enrolled: 2, completed: 1, certified: 1, notStarted: 1 });
    expect(unit.completion).toBe(50);
    expect(data.monthly.reduce((n: number, m: { count: number }) => n + m.count, 0)).toBe(1);
  });

  it("keeps the rollups right when a learner moves to another unit", async () => {
    const { getDb } = await import("~/utils/db.server");
    const { users } = await import("../../db/schema");
    const { eq } = await import("drizzle-orm");
    const db = await getDb();
    const unitOf = async (id: string) =>
      (await (await run(dashboardLoader, get(`/kelola?kursus=${courseId}`, managerA))).json()).units.find((u: { id: string }) => u.id === id).counts;
    // The certified filter reads certificates by their holder's unit: it must follow the move.
    const certified = async () =>
      (await (await run(learnersLoader, get(`/kelola/peserta?kursus=${courseId}&status=certified`, managerA))).json()).learners.map(
        (l: { name: string; unit: string }) => `${l.name} @ ${l.unit}`,
      );
    const before = await unitOf(tree.unitA.id);
    expect(await certified()).toEqual([`Rina Unit A @ ${tree.unitA.name}`]);
    await db.update(users).set({ agencyId: tree.agencyA.id }).where(eq(users.id, learnerA.id));
    const after = await unitOf(tree.unitA.id);
    expect(after.enrolled).toBe(before.enrolled - 1);
    expect(after.certified).toBe(before.certified - 1);
    expect((await unitOf(tree.agencyA.id)).enrolled).toBe(3); // the rollup to the agency is unchanged
    expect(await certified()).toEqual([`Rina Unit A @ ${tree.agencyA.name}`]);
    await db.update(users).set({ agencyId: tree.unitA.id }).where(eq(users.id, learnerA.id));
    expect(await unitOf(tree.unitA.id)).toEqual(before);
    expect(await certified()).toEqual([`Rina Unit A @ ${tree.unitA.name}`]);
  });

  it("sends only the opened part of the unit tree, with every row rolled up over its hidden units", async () => {
    const db = await getDb();
    const view = async (query: string) => await (await run(dashboardLoader, get(`/kelola?kursus=${courseId}${query}`, managerA))).json();
    const rows = (data: { units: { id: string; depth: number; expanded: boolean }[] }) => data.units.map((u) => [u.id, u.depth, u.expanded]);
    const before = (await view("")).units.find((u: { id: string }) => u.id === tree.unitA.id).counts;
    const team = await createAgency(db, { code: `T-${Date.now()}`, name: "Seksi Pohon", kind: "unit", parentId: tree.unitA.id });
    await createAccount(team.id, "learner", "Dewi Seksi Pohon"); // enrolled by the agency-wide assignment

    const closed = await view("");
    expect(rows(closed)).toContainEqual([tree.agencyA.id, 0, true]);
    expect(rows(closed)).toContainEqual([tree.unitA.id, 1, false]);
    expect(closed.units.map((u: { id: string }) => u.id)).not.toContain(team.id);
    // The unit's row counts the new team's learner although the team's row is not sent.
    const unitCounts = closed.units.find((u: { id: string }) => u.id === tree.unitA.id).counts;
    expect(unitCounts.enrolled).toBe(before.enrolled + 1);

    const opened = await view(`&buka=${tree.agencyA.id},${tree.unitA.id}`);
    expect(rows(opened)).toContainEqual([tree.unitA.id, 1, true]);
    expect(rows(opened)).toContainEqual([team.id, 2, false]);
    expect(opened.units.find((u: { id: string }) => u.id === team.id).counts.enrolled).toBe(1);
    expect(opened.units.find((u: { id: string }) => u.id === tree.unitA.id).counts).toEqual(unitCounts);
    expect(opened.openIds).toEqual([tree.agencyA.id, tree.unitA.id]);

    const none = await view("&buka=");
    expect(rows(none)).toEqual([[tree.agencyA.id, 0, false]]);
    // Only the shown rows are read (issue 18): a row keeps its number of children while they are
    // not sent, and an opened unit under a closed parent stays hidden instead of becoming a top row.
    expect(closed.units.find((u: { id: string }) => u.id === tree.unitA.id).childCount).toBe(1);
    expect(none.units[0].childCount).toBe(closed.units.filter((u: { depth: number }) => u.depth === 1).length);
    const orphanOpen = await view(`&buka=${tree.unitA.id}`);
    expect(rows(orphanOpen)).toEqual([[tree.agencyA.id, 0, false]]);
    const all = await view("&buka=semua&urut=enrolled");
    expect(all.allOpen).toBe(true);
    expect(all.units.map((u: { id: string }) => u.id)).toContain(team.id);
  });

  it("filters the learner table and exports the same rows as CSV with a BOM", async () => {
    const table = await (await run(learnersLoader, get(`/kelola/peserta?kursus=${courseId}&status=certified`, managerA))).json();
    expect(table.learners.map((l: { name: string }) => l.name)).toEqual(["Rina Unit A"]);
    const res = await run(csvLoader, get(`/kelola/laporan.csv?kursus=${courseId}&status=certified`, managerA));
    expect(res.headers.get("content-type")).toMatch(/text\/csv/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    const lines = text.trim().split("\r\n");
    expect(lines[0]).toContain("nama;nip;unit;kursus;status");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain("Rina Unit A");
    const low = await (await run(learnersLoader, get(`/kelola/peserta?kursus=${courseId}&jp=kurang`, managerA))).json();
    expect(low.learners.length).toBeGreaterThanOrEqual(2);
  });

  it("pages a long learner table by keyset and exports every row, with filters applied before the page limit", async () => {
    const db = await getDb();
    const unit = await createAgency(db, { code: `P-${Date.now()}`, name: "Bidang Ramai", kind: "unit", parentId: tree.agencyA.id });
    // Direct inserts: 250 argon2 hashes would only slow the test down.
    await db.insert(users).values(
      Array.from({ length: 250 }, (_, i) => ({
        id: `ramai-${i}`,
        email: `ramai${i}@uji.sigap.id`,
        name: `Ramai ${String(i).padStart(3, "0")}`,
        passwordHash: "x",
        agencyId: unit.id,
      })),
    );
    const seen: string[] = [];
    let search: string | null = `?unit=${unit.id}&kursus=${courseId}`;
    const pages: number[] = [];
    while (search) {
      const page = await (await run(learnersLoader, get(`/kelola/peserta${search}`, managerA))).json();
      pages.push(page.learners.length);
      seen.push(...page.learners.map((l: { name: string }) => l.name));
      // The cursor names nobody: no learner's name in the link however it is decoded.
      if (page.nextPage) for (const reading of readings(page.nextPage)) expect(reading).not.toMatch(/Ramai \d/);
      search = page.nextPage;
    }
    expect(pages).toEqual([100, 100, 50]);
    expect(seen).toEqual(Array.from({ length: 250 }, (_, i) => `Ramai ${String(i).padStart(3, "0")}`));

    const csv = await (await run(csvLoader, get(`/kelola/laporan.csv?unit=${unit.id}&kursus=${courseId}`, managerA))).text();
    expect(csv.trim().split("\r\n")).toHaveLength(251);

    // The last learner in sort order is the only one who started: the filter finds her on page one.
    await db.insert(enrollments).values({ id: "ramai-e", userId: "ramai-249", courseId, completedLessons: 1, startedAt: new Date() });
    const started = await (await run(learnersLoader, get(`/kelola/peserta?unit=${unit.id}&kursus=${courseId}&status=in-progress`, managerA))).json();
    expect(started.learners.map((l: { name: string; status: string }) => [l.name, l.status])).toEqual([["Ramai 249", "in-progress"]]);
    expect(started.nextPage).toBeNull();
    const tampered = await (await run(learnersLoader, get(`/kelola/peserta?unit=${unit.id}&kursus=${courseId}&setelah=%7Bbukan`, managerA))).json();
    expect(tampered.learners[0].name).toBe("Ramai 000");
  });

  it("exports CSV with the list separator of the viewer's Excel: ';' in Indonesian, ',' in English (issue 15 item 1, failed on main)", async () => {
    const id = await (await run(csvLoader, get(`/kelola/laporan.csv?kursus=${courseId}&status=certified`, managerA))).text();
    expect(id.split("\r\n")[0]).toBe("nama;nip;unit;kursus;status;materi_selesai;tenggat;kode_sertifikat;sertifikat_berlaku_sampai;jp_tahun_ini");
    const en = await (await run(csvLoader, get(`/kelola/laporan.csv?kursus=${courseId}&status=certified`, `${managerA}; sigap_lang=en`))).text();
    expect(en.split("\r\n")[0]).toBe("nama,nip,unit,kursus,status,materi_selesai,tenggat,kode_sertifikat,sertifikat_berlaku_sampai,jp_tahun_ini");
    expect(en).toContain("Certified");
  });

  it("exports the same rows as a real .xlsx with text NIPs, a frozen header and an autofilter (issue 15 item 1, failed on main)", async () => {
    const res = await run(xlsxLoader, get(`/kelola/laporan.xlsx?kursus=${courseId}&status=certified`, managerA));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(res.headers.get("content-disposition")).toMatch(/filename="laporan-sigap-\d{4}-\d{2}-\d{2}\.xlsx"/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getCell("A1").value).toBe("nama");
    expect(sheet.getCell("A2").value).toBe("Rina Unit A");
    expect(sheet.getCell("B1").value).toBe("nip");
    expect(sheet.getColumn(2).numFmt).toBe("@");
    expect(sheet.getCell("I2").value).toBeInstanceOf(Date);
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    expect(sheet.rowCount).toBe(2);
    expect((await run(xlsxLoader, get("/kelola/laporan.xlsx"))).status).toBe(302);
  });

  it("ignores a cursor naming someone outside the listed subtree: page one, not that person's place", async () => {
    const db = await getDb();
    const stamp = Date.now();
    const unit = await createAgency(db, { code: `K-${stamp}`, name: "Bidang Kecil", kind: "unit", parentId: tree.agencyA.id });
    await db.insert(users).values(
      ["Ani", "Bayu", "Cici"].map((name, i) => ({
        id: `kecil-${i}`,
        email: `kecil${i}@uji.sigap.id`,
        name: `${name} Kecil`,
        passwordHash: "x",
        agencyId: unit.id,
      })),
    );
    // An agency outside A whose path sorts after every other: honouring its learner's place would give an empty page.
    const outsider = { id: `zz-luar-${stamp}`, path: `/zz-luar-${stamp}/` };
    await db.insert(agencies).values({ ...outsider, code: `Z-${stamp}`, name: "Dinas Luar", kind: "agency" });
    await db.insert(users).values({ id: `luar-${stamp}`, email: `luar${stamp}@uji.sigap.id`, name: "Bayu Luar", passwordHash: "x", agencyId: outsider.id });
    const table = async (setelah: string, cookie = managerA) =>
      (await run(learnersLoader, get(`/kelola/peserta?unit=${unit.id}&kursus=${courseId}&setelah=${setelah}`, cookie))).json();
    const names = (page: { learners: { name: string }[] }) => page.learners.map((l) => l.name);

    const resumed = await table("kecil-0");
    expect(names(resumed)).toEqual(["Bayu Kecil", "Cici Kecil"]);
    expect(resumed.isFirstPage).toBe(false);
    // Another agency's learners, and A's own learner outside the chosen unit, all start at page one.
    for (const foreign of [`luar-${stamp}`, learnerBId, learnerA.id, "tidak-ada"]) {
      const page = await table(foreign);
      expect(names(page), foreign).toEqual(["Ani Kecil", "Bayu Kecil", "Cici Kecil"]);
      expect(page.isFirstPage, foreign).toBe(true);
    }
    // Manager B, handed a cursor naming A's learner, sees B's own first page.
    const pageOfB = async (search: string) => (await run(learnersLoader, get(`/kelola/peserta?kursus=${courseId}${search}`, managerB))).json();
    const [plainB, cursoredB] = [await pageOfB(""), await pageOfB(`&setelah=${learnerA.id}`)];
    expect(names(plainB)).toContain("Budi Unit B");
    expect(names(cursoredB)).toEqual(names(plainB));
    expect(cursoredB.isFirstPage).toBe(true);
  });

  it("agrees with the status rules for every status filter", async () => {
    for (const status of ["not-enrolled", "not-started", "in-progress", "overdue", "completed", "certified", "expired"]) {
      const page = await (await run(learnersLoader, get(`/kelola/peserta?kursus=${courseId}&status=${status}`, managerA))).json();
      for (const l of page.learners) expect(l.status).toBe(status);
    }
  });

  it("offers the unit filter as a drill-down: the chosen unit's line inside the scope and its children, not the whole tree (issue 18)", async () => {
    const db = await getDb();
    const stamp = Date.now();
    const unit = await createAgency(db, { code: `T-${stamp}`, name: "Bidang Telusur", kind: "unit", parentId: tree.agencyA.id });
    const section = await createAgency(db, { code: `S-${stamp}`, name: "Seksi Telusur", kind: "unit", parentId: unit.id });
    const units = async (query: string) =>
      (await (await run(learnersLoader, get(`/kelola/peserta?kursus=${courseId}${query}`, managerA))).json()).units as { id: string; depth: number }[];
    const top = await units("");
    expect(top[0]).toMatchObject({ id: tree.agencyA.id, depth: 0 });
    expect(top.slice(1).every((u) => u.depth === 1)).toBe(true);
    expect(top.map((u) => u.id)).toEqual(expect.arrayContaining([tree.unitA.id, unit.id]));
    expect(top.map((u) => u.id)).not.toContain(section.id); // a grandchild: one level at a time
    expect(top.map((u) => u.id)).not.toContain(tree.provA.id); // above the manager's scope
    expect(await units(`&unit=${unit.id}`)).toEqual([
      { id: tree.agencyA.id, name: tree.agencyA.name, depth: 0 },
      { id: unit.id, name: "Bidang Telusur", depth: 1 },
      { id: section.id, name: "Seksi Telusur", depth: 2 },
    ]);
    expect((await units(`&unit=${section.id}`)).map((u) => u.id)).toEqual([tree.agencyA.id, unit.id, section.id]);
    // Another agency's unit names nobody here: the scope's top and its children, as with none.
    expect(await units(`&unit=${tree.unitB.id}`)).toEqual(await units(""));
  });

  it("never shows another agency's data: 404 on its learner, no names in pages or CSV", async () => {
    const openA = `buka=${tree.provA.id},${tree.agencyA.id},${tree.unitA.id}`;
    for (const path of [
      "/kelola",
      `/kelola?kursus=${courseId}&buka=semua`,
      `/kelola?kursus=${courseId}&${openA}`,
      "/kelola/peserta",
      `/kelola/peserta?kursus=${courseId}&unit=${tree.unitA.id}`,
    ]) {
      const loader = path.startsWith("/kelola/peserta") ? learnersLoader : dashboardLoader;
      const text = JSON.stringify(await (await run(loader, get(path, managerB))).json());
      expect(text).not.toContain("Rina Unit A");
      expect(text).not.toContain("Disdukcapil A");
      expect(text).not.toContain("Bidang A1");
    }
    const csv = await (await run(csvLoader, get(`/kelola/laporan.csv?kursus=${courseId}&unit=${tree.unitA.id}`, managerB))).text();
    expect(csv).not.toContain("Rina");
    expect((await run(detailLoader, get(`/kelola/peserta/${learnerA.id}`, managerB), { id: learnerA.id })).status).toBe(404);
    expect(
      (await run(detailAction, post(`/kelola/peserta/${learnerA.id}`, { certificateId: "x", reason: "coba cabut" }, managerB), { id: learnerA.id })).status,
    ).toBe(404);
    expect((await run(detailLoader, get(`/kelola/peserta/${learnerA.id}`, managerA), { id: learnerA.id })).status).toBe(200);
    expect((await run(dashboardLoader, get("/kelola", learnerA.cookie))).status).toBe(403);
    expect((await run(csvLoader, get("/kelola/laporan.csv", learnerA.cookie))).status).toBe(403);
  });
});
