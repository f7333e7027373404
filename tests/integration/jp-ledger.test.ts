import path from "node:path";
import { randomUUID } from "node:crypto";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { auditLog, certificates } from "../../db/schema";
import { generateCertificateCode } from "~/certificates/code";
import { SIASN_COLUMNS } from "~/certificates/siasn.server";
import { getSyncedContent } from "~/content/sync.server";
import { ensureIssuance } from "~/models/credential.server";
import { saveSignatory } from "~/models/signatory.server";
import { createUser } from "~/models/user.server";
import { loader as csvLoader } from "~/routes/kelola.jp[.]csv";
import { loader as pageLoader } from "~/routes/kelola.jp";
import { action as userAction } from "~/routes/kelola.pengguna.$id";
import { loader as xlsxLoader } from "~/routes/kelola.jp[.]xlsx";
import { loader as zipLoader } from "~/routes/kelola.jp[.]zip";
import { getDb } from "~/utils/db.server";
import { createAccount, createTwoAgencies, get, post, run, sessionCookieFor, TEST_PASSWORD } from "../setup/factories";

type Tree = Awaited<ReturnType<typeof createTwoAgencies>>;
const original = process.env.CONTENT_DIR;
let tree: Tree;
let courseId: string;
const cookies = {} as Record<"managerA" | "managerB" | "admin", string>;
/** Codes of the certificates each file of year 2026 must hold, per viewer. */
const codes = { ani: [] as string[], budi2026: [] as string[], budi2025: [] as string[], cici: [] as string[], dodi: [] as string[] };

async function person(agencyId: string, name: string, nip: string) {
  const db = await getDb();
  return createUser(db, { name, email: `${randomUUID().slice(0, 8)}@uji.sigap.id`, nip, agencyId, role: "learner", password: TEST_PASSWORD });
}

/** Certificates of one person, oldest first; all but the last are marked replaced (one current per course). */
async function certify(user: { id: string; name: string; nip: string | null; agencyId: string }, items: { jp: number; issued: string; revoked?: boolean }[]) {
  const db = await getDb();
  const ids = items.map(() => randomUUID());
  const made: string[] = [];
  for (const [i, item] of items.entries()) {
    const code = generateCertificateCode();
    const issuedAt = new Date(item.issued);
    const [row] = await db
      .insert(certificates)
      .values({
        id: ids[i]!,
        code,
        userId: user.id,
        courseId,
        learnerName: user.name,
        learnerNip: user.nip,
        agencyId: user.agencyId,
        agencyName: "Unit saat terbit",
        courseTitle: "Kursus Uji",
        courseVersion: "1.0.0",
        jp: item.jp,
        issuedAt,
        expiresAt: new Date(issuedAt.getTime() + 365 * 86400e3),
        revokedAt: item.revoked ? new Date() : null,
        replacedBy: i < items.length - 1 ? ids[i + 1]! : null,
      })
      .returning();
    await ensureIssuance(db, row!);
    made.push(code);
  }
  return made;
}

beforeAll(async () => {
  const db = await getDb();
  process.env.CONTENT_DIR = path.resolve("tests/fixtures/content-ok");
  const { ids } = await getSyncedContent();
  courseId = [...ids.values()][0]!.courseId;
  tree = await createTwoAgencies();
  const admin = await createAccount(tree.provA.id, "admin");
  await saveSignatory(db, admin.id, tree.agencyA.id, {
    institution: "BPSDM Provinsi A",
    signatoryName: "Dr. Sari",
    signatoryNip: null,
    signatoryTitle: "Kepala",
  });
  const ani = await person(tree.unitA.id, "Ani Lestari", "199001012015032001");
  const budi = await person(tree.agencyA.id, "Budi Pratama", "198805052012031002");
  const cici = await person(tree.unitA.id, "Cici Rahmawati", "199203032018012003");
  const dodi = await person(tree.unitB.id, "Dodi Luar Wilayah", "198712122010011004");
  codes.ani = await certify(ani, [
    { jp: 12, issued: "2026-02-10T03:00:00Z" },
    { jp: 10, issued: "2026-08-20T03:00:00Z" },
  ]);
  const budiCodes = await certify(budi, [
    { jp: 5, issued: "2025-06-01T03:00:00Z" },
    { jp: 3, issued: "2026-03-04T17:30:00Z" }, // 5 March in Jakarta
  ]);
  codes.budi2025 = [budiCodes[0]!];
  codes.budi2026 = [budiCodes[1]!];
  codes.cici = await certify(cici, [{ jp: 30, issued: "2026-04-01T03:00:00Z", revoked: true }]);
  codes.dodi = await certify(dodi, [{ jp: 4, issued: "2026-05-05T03:00:00Z" }]);
  cookies.managerA = await sessionCookieFor((await createAccount(tree.agencyA.id, "manager")).email);
  cookies.managerB = await sessionCookieFor((await createAccount(tree.agencyB.id, "manager")).email);
  cookies.admin = await sessionCookieFor(admin.email);
}, 120_000);
afterAll(() => {
  process.env.CONTENT_DIR = original;
});

function parseCsv(text: string): string[][] {
  return text
    .replace(/^\uFEFF/, "")
    .split("\r\n")
    .filter(Boolean)
    .map((line) => line.split(","));
}

async function csv(query: string, cookie: string) {
  const res = await run(csvLoader, get(`/kelola/jp.csv${query}`, cookie));
  expect(res.status).toBe(200);
  expect(res.headers.get("content-disposition")).toMatch(/attachment; filename="riwayat-jp-\d{4}/);
  const [header, ...rows] = parseCsv(await res.text());
  expect(header).toEqual([...SIASN_COLUMNS]);
  return rows.map((r) => Object.fromEntries(SIASN_COLUMNS.map((c, i) => [c, r[i]!]))) as Record<(typeof SIASN_COLUMNS)[number], string>[];
}

async function page(query: string, cookie: string) {
  const res = await run(pageLoader, get(`/kelola/jp${query}`, cookie));
  expect(res.status).toBe(200);
  return (await res.json()) as { people: { name: string; jp: number; records: { code: string }[] }[] };
}

describe("JP ledger", () => {
  it("exports exactly the agency's certificates of the year, one SIASN row each", async () => {
    const rows = await csv("?tahun=2026", cookies.managerA);
    expect(rows.map((r) => r.nomorSertipikat).sort()).toEqual([...codes.ani, ...codes.budi2026].sort());
    const budi = rows.find((r) => r.nama === "Budi Pratama")!;
    expect(budi).toEqual({
      nip: "198805052012031002",
      nama: "Budi Pratama",
      namaKursus: "Kursus Uji (versi 1.0.0)",
      jumlahJam: "3",
      institusiPenyelenggara: "BPSDM Provinsi A",
      jenisKursus: "Kursus",
      nomorSertipikat: codes.budi2026[0],
      tanggalKursus: "05-03-2026",
      tanggalSelesaiKursus: "05-03-2026",
    });
    for (const r of rows) expect(r.tanggalSelesaiKursus).toMatch(/^\d{2}-\d{2}-\d{4}$/);
    // Another year holds that year's records only.
    expect((await csv("?tahun=2025", cookies.managerA)).map((r) => r.nomorSertipikat)).toEqual(codes.budi2025);
  });

  it("keeps each manager to their own agency, in the page and in every file", async () => {
    expect((await csv("?tahun=2026", cookies.managerB)).map((r) => r.nomorSertipikat)).toEqual(codes.dodi);
    const a = await page("?tahun=2026", cookies.managerA);
    expect(a.people.map((p) => p.name)).toEqual(expect.arrayContaining(["Ani Lestari", "Budi Pratama", "Cici Rahmawati"]));
    expect(a.people.map((p) => p.name)).not.toContain("Dodi Luar Wilayah");
    // Naming the other agency's unit gives nobody, not its people.
    expect((await page(`?tahun=2026&unit=${tree.unitB.id}`, cookies.managerA)).people).toEqual([]);
    expect(await csv(`?tahun=2026&unit=${tree.unitB.id}`, cookies.managerA)).toEqual([]);
    const zip = Buffer.from(await (await run(zipLoader, get(`/kelola/jp.zip?tahun=2026&unit=${tree.unitB.id}`, cookies.managerA))).arrayBuffer());
    expect(zip.includes(Buffer.from(codes.dodi[0]!))).toBe(false);
    // Admins see both agencies.
    expect((await csv("?tahun=2026", cookies.admin)).map((r) => r.nomorSertipikat).sort()).toEqual([...codes.ani, ...codes.budi2026, ...codes.dodi].sort());
  });

  it("sums JP per person, leaves revoked certificates out and filters those under 20 JP", async () => {
    const all = await page("?tahun=2026", cookies.managerA);
    const jp = Object.fromEntries(all.people.map((p) => [p.name, p.jp]));
    expect(jp).toMatchObject({ "Ani Lestari": 22, "Budi Pratama": 3, "Cici Rahmawati": 0 });
    const under = await page("?tahun=2026&jp=kurang", cookies.managerA);
    expect(under.people.map((p) => p.name)).toEqual(expect.arrayContaining(["Budi Pratama", "Cici Rahmawati"]));
    expect(under.people.map((p) => p.name)).not.toContain("Ani Lestari");
    expect((await csv("?tahun=2026&jp=kurang", cookies.managerA)).map((r) => r.nomorSertipikat)).toEqual(codes.budi2026);
    // Within the unit: only its people.
    expect((await page(`?tahun=2026&unit=${tree.unitA.id}`, cookies.managerA)).people.map((p) => p.name)).not.toContain("Budi Pratama");
  });

  it("writes the XLSX with text NIPs, real dates, a frozen header and an autofilter", async () => {
    const res = await run(xlsxLoader, get("/kelola/jp.xlsx?tahun=2026", cookies.managerA));
    expect(res.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0]!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([...SIASN_COLUMNS]);
    expect(sheet.rowCount).toBe(1 + codes.ani.length + codes.budi2026.length);
    const budi = sheet.getRows(2, sheet.rowCount - 1)!.find((r) => r.getCell(2).value === "Budi Pratama")!;
    expect(budi.getCell(1).value).toBe("198805052012031002");
    expect(budi.getCell(1).numFmt).toBe("@");
    expect(budi.getCell(4).value).toBe(3);
    const finished = budi.getCell(9).value as Date;
    expect(finished).toBeInstanceOf(Date);
    expect(finished.toISOString().slice(0, 10)).toBe("2026-03-05");
    expect(budi.getCell(9).numFmt).toBe("dd-mm-yyyy");
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    expect(sheet.getColumn(1).width).toBeGreaterThanOrEqual(20);
  });

  it("zips the PDFs named by certificate number", async () => {
    const res = await run(zipLoader, get("/kelola/jp.zip?tahun=2026", cookies.managerA));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/zip");
    const zip = Buffer.from(await res.arrayBuffer());
    expect(zip.subarray(0, 4).toString("hex")).toBe("504b0304");
    for (const code of [...codes.ani, ...codes.budi2026]) expect(zip.includes(Buffer.from(`${code}.pdf`)), code).toBe(true);
    for (const code of [...codes.cici, ...codes.dodi, ...codes.budi2025]) expect(zip.includes(Buffer.from(`${code}.pdf`)), code).toBe(false);
    let pdfs = 0;
    for (let i = zip.indexOf("%PDF-"); i !== -1; i = zip.indexOf("%PDF-", i + 1)) pdfs++;
    expect(pdfs).toBe(3);
  });
});

describe("JP ledger for PPPK staff", () => {
  let pppk: Tree;
  const cookie = {} as Record<"managerC" | "managerD", string>;
  let eka: { id: string };

  beforeAll(async () => {
    pppk = await createTwoAgencies();
    eka = await person(pppk.unitA.id, "Eka Kontrak", "199105052019032005");
    const fajar = await person(pppk.unitA.id, "Fajar Kontrak", "199306062020121006");
    const gita = await person(pppk.unitA.id, "Gita Pegawai", "199407072018012007");
    await certify({ ...eka, nip: "199105052019032005", agencyId: pppk.unitA.id, name: "Eka Kontrak" }, [
      { jp: 14, issued: "2026-02-01T03:00:00Z" },
      { jp: 12, issued: "2026-09-01T03:00:00Z" },
    ]);
    await certify({ ...fajar, nip: "199306062020121006", agencyId: pppk.unitA.id, name: "Fajar Kontrak" }, [{ jp: 10, issued: "2026-03-01T03:00:00Z" }]);
    await certify({ ...gita, nip: "199407072018012007", agencyId: pppk.unitA.id, name: "Gita Pegawai" }, [{ jp: 10, issued: "2026-03-01T03:00:00Z" }]);
    const managerC = await createAccount(pppk.agencyA.id, "manager");
    const managerD = await createAccount(pppk.agencyB.id, "manager");
    cookie.managerC = await sessionCookieFor(managerC.email);
    cookie.managerD = await sessionCookieFor(managerD.email);
    // The kind is set on the account page, by a manager of the person's own agency only.
    for (const [who, expected] of [
      [cookie.managerD, 404],
      [cookie.managerC, 200],
    ] as const) {
      const res = await run(userAction, post(`/kelola/pengguna/${eka.id}`, { intent: "asn-kind", asnKind: "pppk" }, who), { id: eka.id });
      expect(res.status).toBe(expected);
    }
    const res = await run(userAction, post(`/kelola/pengguna/${fajar.id}`, { intent: "asn-kind", asnKind: "pppk" }, cookie.managerC), { id: fajar.id });
    expect(res.status).toBe(200);
  }, 120_000);

  it("measures PPPK against the 24 JP cap: over it is flagged, under 20 JP is no shortfall", async () => {
    const all = await page("?tahun=2026", cookie.managerC);
    const byName = Object.fromEntries(all.people.map((p) => [p.name, p as unknown as { jp: number; asnKind: string; standing: unknown }]));
    expect(byName["Eka Kontrak"]).toMatchObject({ jp: 26, asnKind: "pppk", standing: { state: "over", excess: 2 } });
    expect(byName["Fajar Kontrak"]).toMatchObject({ jp: 10, asnKind: "pppk", standing: { state: "within" } });
    expect(byName["Gita Pegawai"]).toMatchObject({ jp: 10, asnKind: "pns", standing: { state: "short", missing: 10 } });
    // "Under 20 JP" is the PNS duty: the PPPK with 10 JP is not short of anything.
    // (Within the unit: the manager's own account, at the agency above it, has 0 JP too.)
    const unit = `&unit=${pppk.unitA.id}`;
    expect((await page(`?tahun=2026&jp=kurang${unit}`, cookie.managerC)).people.map((p) => p.name)).toEqual(["Gita Pegawai"]);
    expect((await page(`?tahun=2026&jp=lebih${unit}`, cookie.managerC)).people.map((p) => p.name)).toEqual(["Eka Kontrak"]);
    const either = await page(`?tahun=2026&jp=kurang&jp=lebih${unit}`, cookie.managerC);
    expect(either.people.map((p) => p.name).sort()).toEqual(["Eka Kontrak", "Gita Pegawai"]);
    const res = await run(csvLoader, get("/kelola/jp.csv?tahun=2026&jp=lebih", cookie.managerC));
    expect(res.headers.get("content-disposition")).toContain("riwayat-jp-2026-pppk-lebih-24.csv");
    expect((await res.text()).match(/Eka Kontrak/g)).toHaveLength(2);
  });

  it("audits the change of kind as a sentence with before and after", async () => {
    const db = await getDb();
    const [entry] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "user.asnKind"), eq(auditLog.targetId, eka.id)));
    expect(entry!.details).toEqual({ from: "pns", to: "pppk" });
  });
});
