import { and, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, passwordTokens, sessions, users } from "../../db/schema";
import { reissuePasswordLink } from "~/models/staff-import.server";
import { getUser, type SessionUser } from "~/utils/auth.server";
import { createSession } from "~/utils/session.server";
import ExcelJS from "exceljs";
import { action as importAction, loader as importLoader } from "~/routes/kelola.impor._index";
import { loader as templateXlsx } from "~/routes/kelola.impor.templat[.]xlsx";
import { loader as templateCsv } from "~/routes/kelola.impor.templat[.]csv";
import { loader as linksLoader } from "~/routes/kelola.impor.$batch.tautan[.]csv";
import { action as setPasswordAction } from "~/routes/atur-sandi.$token";
import { getDb } from "~/utils/db.server";
import { BASE, createAccount, createTwoAgencies, get, post, run, sessionCookieFor } from "../setup/factories";

let tree: Awaited<ReturnType<typeof createTwoAgencies>>;
let manager: string;
let managerUser: SessionUser;
beforeAll(async () => {
  tree = await createTwoAgencies();
  manager = await sessionCookieFor((await createAccount(tree.agencyA.id, "manager")).email);
  managerUser = (await getUser(get("/", manager)))!;
});

function upload(csv: string, extra: Record<string, string> = {}) {
  const form = new FormData();
  form.set("intent", "preview");
  form.set("berkas", new File([csv], "staf.csv", { type: "text/csv" }));
  for (const [k, v] of Object.entries(extra)) form.set(k, v);
  return new Request(`${BASE}/kelola/impor`, { method: "POST", body: form, headers: { cookie: manager, origin: BASE, host: "localhost:3000" } });
}
function confirm(csv: string, expected: number, extra: Record<string, string> = {}) {
  const form = new FormData();
  for (const [k, v] of Object.entries(extra)) form.set(k, v);
  form.set("intent", "confirm");
  form.set("csv", csv);
  form.set("expected", String(expected));
  return new Request(`${BASE}/kelola/impor`, { method: "POST", body: form, headers: { cookie: manager, origin: BASE, host: "localhost:3000" } });
}

describe("staff CSV import", () => {
  it("previews every row's problems and writes nothing", async () => {
    const csv = [
      "nama;email;nip;kode_unit;peran",
      `Ani Baik;ani@impor.id;198507122010012003;${tree.unitA.code};peserta`,
      `Ani Lagi;ani@impor.id;;${tree.unitA.code};peserta`,
      `Bukan NIP;bukan@impor.id;123;${tree.unitA.code};peserta`,
      `Unit Asing;asing@impor.id;;${tree.unitB.code};peserta`,
      `Naik Pangkat;naik@impor.id;;${tree.unitA.code};admin`,
      `Tak Dikenal;tak@impor.id;;KODE-TIDAK-ADA;peserta`,
    ].join("\n");
    const res = await run(importAction, upload("\uFEFF" + csv));
    const body = await res.json();
    expect(body.preview.validCount).toBe(1);
    const errorsByLine = Object.fromEntries(body.preview.rows.map((r: { line: number; errors: string[] }) => [r.line, r.errors]));
    expect(errorsByLine).toMatchObject({
      2: [],
      3: ["import.duplicateEmail"],
      4: ["error.nip"],
      5: ["error.agencyScope"],
      6: ["error.roleScope"],
      7: ["import.unknownUnit"],
    });
    const db = await getDb();
    expect(await db.select().from(users).where(eq(users.email, "ani@impor.id"))).toHaveLength(0);
  });

  it("creates valid rows in one transaction, then hands out one-time set-password links", async () => {
    const csv = `nama,email,nip,kode_unit,peran,jenis_asn\nDewi Impor,dewi@impor.id,,${tree.unitA.code},learner,PPPK\nEko Impor,eko@impor.id,,${tree.agencyA.code},manajer,\n`;
    const res = await run(importAction, confirm(csv, 2));
    expect(res.status).toBe(302);
    const batchId = res.headers.get("location")!.split("/").pop()!;
    const db = await getDb();
    const created = await db
      .select()
      .from(users)
      .where(inArray(users.email, ["dewi@impor.id", "eko@impor.id"]));
    expect(created.map((u) => u.role).sort()).toEqual(["learner", "manager"]);
    // The optional jenis_asn column sets the JP rule; empty is PNS.
    expect(Object.fromEntries(created.map((u) => [u.email, u.asnKind]))).toEqual({ "dewi@impor.id": "pppk", "eko@impor.id": "pns" });

    const links = await (await run(linksLoader, get(`/kelola/impor/${batchId}/tautan.csv`, manager), { batch: batchId })).text();
    const token = links.match(/\/atur-sandi\/([\w-]+)/)![1]!;
    const bad = await run(setPasswordAction, post(`/atur-sandi/${token}`, { next: "sandi-baru-dewi", confirm: "beda" }), { token });
    expect((await bad.json()).errors).toEqual({ confirm: "error.passwordMismatch" });
    const personal = await run(setPasswordAction, post(`/atur-sandi/${token}`, { next: "Dewi.Impor1", confirm: "Dewi.Impor1" }), { token });
    expect((await personal.json()).errors).toEqual({ next: "error.passwordPersonal" });
    const common = await run(setPasswordAction, post(`/atur-sandi/${token}`, { next: "qwertyuiop", confirm: "qwertyuiop" }), { token });
    expect((await common.json()).errors).toEqual({ next: "error.passwordCommon" });
    const ok = await run(setPasswordAction, post(`/atur-sandi/${token}`, { next: "sandi-baru-dewi", confirm: "sandi-baru-dewi" }), { token });
    expect(ok.headers.get("location")).toBe("/masuk?sandi=1");
    const again = await run(setPasswordAction, post(`/atur-sandi/${token}`, { next: "sandi-lain-dewi", confirm: "sandi-lain-dewi" }), { token });
    expect((await again.json()).errors).toEqual({ _form: "setpw.invalid" });
  });

  it("a link is issued once per account, never for one that chose its password, and using it ends the account's sessions (probe finding 1, failed on main)", async () => {
    const csv = `nama,email,nip,kode_unit,peran\nHani Impor,hani@impor.id,,${tree.unitA.code},peserta\nIndra Impor,indra@impor.id,,${tree.unitA.code},peserta\n`;
    const res = await run(importAction, confirm(csv, 2));
    const batchId = res.headers.get("location")!.split("/").pop()!;
    const download = async () => (await run(linksLoader, get(`/kelola/impor/${batchId}/tautan.csv`, manager), { batch: batchId })).text();
    const first = await download();
    const tokens = [...first.matchAll(/\/atur-sandi\/([\w-]+)/g)].map((m) => m[1]!);
    expect(tokens).toHaveLength(2);
    // A second download mints nothing: the manager cannot take over an account by downloading again.
    const second = await download();
    expect(second).not.toMatch(/atur-sandi\//);
    expect(second).toMatch(/Tautan sudah diterbitkan/);

    const db = await getDb();
    const [hana] = await db.select().from(users).where(eq(users.email, "hani@impor.id"));
    // Someone signed in as Hana by other means (say, a session created before the link is used).
    const stale = await createSession(db, hana!.id);
    const ok = await run(setPasswordAction, post(`/atur-sandi/${tokens[0]}`, { next: "sandi-baru-hani-77", confirm: "sandi-baru-hani-77" }), {
      token: tokens[0]!,
    });
    expect(ok.status).toBe(302);
    expect(await db.select().from(sessions).where(eq(sessions.userId, hana!.id))).toHaveLength(0);
    expect(await getUser(get("/", `sigap_session=${stale}`))).toBeNull();

    // After the password is chosen, neither a download nor a re-issue produces a link for Hana.
    const third = await download();
    expect(third).toMatch(/sudah memilih kata sandi/);
    expect(await reissuePasswordLink(db, managerUser, hana!.id)).toBeNull();
    // Indra never used his link: an explicit re-issue replaces it (and the old one stops working).
    const [indra] = await db.select().from(users).where(eq(users.email, "indra@impor.id"));
    const fresh = await reissuePasswordLink(db, managerUser, indra!.id);
    expect(fresh).toBeTruthy();
    const old = await run(setPasswordAction, post(`/atur-sandi/${tokens[1]}`, { next: "sandi-baru-indra-7", confirm: "sandi-baru-indra-7" }), {
      token: tokens[1]!,
    });
    expect((await old.json()).errors).toEqual({ _form: "setpw.invalid" });
    const audit = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "user.password-link-reissue"), eq(auditLog.targetId, indra!.id)));
    expect(audit).toHaveLength(1);
  });

  it("an expired link does not work", async () => {
    const csv = `nama,email,nip,kode_unit,peran\nJoko Impor,joko@impor.id,,${tree.unitA.code},peserta\n`;
    const res = await run(importAction, confirm(csv, 1));
    const batchId = res.headers.get("location")!.split("/").pop()!;
    const links = await (await run(linksLoader, get(`/kelola/impor/${batchId}/tautan.csv`, manager), { batch: batchId })).text();
    const token = links.match(/\/atur-sandi\/([\w-]+)/)![1]!;
    const db = await getDb();
    await db.update(passwordTokens).set({ expiresAt: new Date(Date.now() - 1000) });
    const used = await run(setPasswordAction, post(`/atur-sandi/${token}`, { next: "sandi-baru-joko-7", confirm: "sandi-baru-joko-7" }), { token });
    expect((await used.json()).errors).toEqual({ _form: "setpw.invalid" });
  });

  it("imports nothing when the data changed since the preview", async () => {
    const csv = `nama,email,nip,kode_unit,peran\nFitri Impor,fitri@impor.id,,${tree.unitA.code},peserta\nGita Impor,gita@impor.id,,${tree.unitA.code},peserta\n`;
    // Someone else creates Gita between preview and confirm.
    await createAccount(tree.unitA.id).then(async (u) => {
      const db = await getDb();
      await db.update(users).set({ email: "gita@impor.id" }).where(eq(users.id, u.id));
    });
    const res = await run(importAction, confirm(csv, 2));
    expect(res.status).toBe(409);
    expect((await res.json()).error).toBe("import.changed");
    const db = await getDb();
    expect(await db.select().from(users).where(eq(users.email, "fitri@impor.id"))).toHaveLength(0);
  });

  it("refuses files that are not UTF-8", async () => {
    const form = new FormData();
    form.set("intent", "preview");
    form.set("berkas", new File([new Uint8Array([0x6e, 0x61, 0x6d, 0x61, 0x0a, 0xff, 0xfe, 0x41])], "x.csv"));
    const res = await run(
      importAction,
      new Request(`${BASE}/kelola/impor`, { method: "POST", body: form, headers: { cookie: manager, origin: BASE, host: "localhost:3000" } }),
    );
    expect((await res.json()).error).toBe("import.encoding");
  });
});

describe("an import you can use (issue 15 item 2)", () => {
  it("imports a file with errors only when the manager ticks that the valid rows alone go in (failed on main)", async () => {
    const csv = `nama,email,nip,kode_unit,peran\nLina Pilih,lina@impor.id,,${tree.unitA.code},peserta\nSalah Peran,salah@impor.id,,${tree.unitA.code},kepala\n`;
    const refused = await run(importAction, confirm(csv, 1));
    expect(refused.status).toBe(400);
    const body = await refused.json();
    expect(body.error).toBe("import.chooseSkip");
    expect(body.preview.invalid).toBe(1);
    const db = await getDb();
    expect(await db.select().from(users).where(eq(users.email, "lina@impor.id"))).toHaveLength(0);
    // A tick for a different number of bad rows than the file has is not the manager's choice either.
    expect((await run(importAction, confirm(csv, 1, { lewati: "2" }))).status).toBe(400);
    const done = await run(importAction, confirm(csv, 1, { lewati: "1" }));
    expect(done.status).toBe(302);
    expect(await db.select().from(users).where(eq(users.email, "lina@impor.id"))).toHaveLength(1);
    expect(await db.select().from(users).where(eq(users.email, "salah@impor.id"))).toHaveLength(0);
  });

  it("accepts an .xlsx upload, with a NIP typed as text and the row numbers of the sheet (failed on main)", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Staf");
    sheet.addRow(["nama", "email", "nip", "kode_unit", "peran"]);
    sheet.addRow(["Maya Excel", "maya@impor.id", "198507122010012004", tree.unitA.code, "peserta"]);
    sheet.addRow([]);
    sheet.addRow(["Unit Jauh", "jauh@impor.id", null, tree.unitB.code, "peserta"]);
    const form = new FormData();
    form.set("intent", "preview");
    form.set(
      "berkas",
      new File([await workbook.xlsx.writeBuffer()], "staf.xlsx", { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }),
    );
    const res = await run(
      importAction,
      new Request(`${BASE}/kelola/impor`, { method: "POST", body: form, headers: { cookie: manager, origin: BASE, host: "localhost:3000" } }),
    );
    const body = await res.json();
    expect(body.error).toBeNull();
    expect(body.preview.rows.map((r: { line: number; nip: string | null; errors: string[] }) => [r.line, r.nip, r.errors])).toEqual([
      [2, "198507122010012004", []],
      [4, null, ["error.agencyScope"]],
    ]);
    // The confirm step posts back CSV text that reads the same.
    const done = await run(importAction, confirm(body.csv, 1, { lewati: "1" }));
    expect(done.status).toBe(302);
  });

  it("refuses a file that only looks like a workbook", async () => {
    const form = new FormData();
    form.set("intent", "preview");
    form.set("berkas", new File([new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3])], "rusak.xlsx"));
    const res = await run(
      importAction,
      new Request(`${BASE}/kelola/impor`, { method: "POST", body: form, headers: { cookie: manager, origin: BASE, host: "localhost:3000" } }),
    );
    expect((await res.json()).error).toBe("import.badXlsx");
  });

  it("lists the unit codes in scope and offers CSV and Excel templates (failed on main)", async () => {
    const page = await (await run(importLoader, get("/kelola/impor", manager))).json();
    const codes = page.units.map((u: { code: string }) => u.code);
    expect(codes).toEqual(expect.arrayContaining([tree.agencyA.code, tree.unitA.code]));
    expect(codes).not.toContain(tree.unitB.code);

    const csv = await run(templateCsv, get("/kelola/impor/templat.csv", manager));
    expect(await csv.text()).toBe("nama;email;nip;kode_unit;peran;jenis_asn\r\n");
    const xlsx = await run(templateXlsx, get("/kelola/impor/templat.xlsx", manager));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await xlsx.arrayBuffer());
    const [staff, units] = workbook.worksheets;
    expect(staff!.getRow(1).values).toEqual([undefined, "nama", "email", "nip", "kode_unit", "peran", "jenis_asn"]);
    expect(staff!.getColumn(3).numFmt).toBe("@");
    const listed = units!.getColumn(1).values.slice(2);
    expect(listed).toEqual(expect.arrayContaining([tree.unitA.code]));
    expect(listed).not.toContain(tree.unitB.code);
  });
});

describe("all or nothing", () => {
  it("rolls back every row when one insert fails inside the transaction", async () => {
    const db = await getDb();
    const { commitStaffImport, previewStaffImport } = await import("~/models/staff-import.server");
    const { getUser } = await import("~/utils/auth.server");
    const actor = (await getUser(get("/", manager)))!;
    const csv = `nama,email,nip,kode_unit,peran\nHana Impor,hana@impor.id,,${tree.unitA.code},peserta\nIra Impor,ira@impor.id,,${tree.unitA.code},peserta\n`;
    const preview = await previewStaffImport(db, actor, csv);
    if (!preview.ok) throw new Error("preview failed");
    // Ira appears after the preview: the second insert fails, so Hana must not be kept either.
    const other = await createAccount(tree.unitA.id);
    await db.update(users).set({ email: "ira@impor.id" }).where(eq(users.id, other.id));
    await expect(commitStaffImport(db, actor, preview.result)).rejects.toThrow();
    expect(await db.select().from(users).where(eq(users.email, "hana@impor.id"))).toHaveLength(0);
  });
});
