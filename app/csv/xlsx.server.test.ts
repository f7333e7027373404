import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { readXlsx, xlsxBuffer, xlsxStream, type XlsxColumn } from "./xlsx.server";

const COLUMNS: XlsxColumn[] = [
  { header: "nama", type: "text", width: 30 },
  { header: "nip", type: "text", width: 21 },
  { header: "materi_selesai", type: "number", width: 10 },
  { header: "tenggat", type: "date", width: 12 },
];

async function load(bytes: Uint8Array) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.buffer as ArrayBuffer);
  return workbook.worksheets[0]!;
}

describe("xlsx export (issue 15 item 1: there was no .xlsx on main)", () => {
  it("keeps NIP as a text cell, numbers as numbers and dates as Jakarta calendar dates", async () => {
    const bytes = await xlsxBuffer("Laporan", COLUMNS, [
      ["Rina Marlina", "198507122010012003", 3, "2026-12-31"],
      ["=1+1", null, 0, new Date("2026-02-28T18:00:00Z")],
    ]);
    const sheet = await load(bytes);
    expect(sheet.getRow(1).values).toEqual([undefined, "nama", "nip", "materi_selesai", "tenggat"]);
    expect(sheet.getCell("B2").value).toBe("198507122010012003");
    expect(sheet.getCell("B2").numFmt).toBe("@");
    expect(sheet.getCell("C2").value).toBe(3);
    expect(sheet.getCell("D2").value).toEqual(new Date("2026-12-31T00:00:00Z"));
    // 18:00 UTC is already 1 March in Jakarta.
    expect(sheet.getCell("D3").value).toEqual(new Date("2026-03-01T00:00:00Z"));
    // A string cell is never evaluated: no formula is stored.
    expect(sheet.getCell("A3").type).toBe(ExcelJS.ValueType.String);
  });

  it("freezes the header, sets an autofilter and column widths", async () => {
    const sheet = await load(await xlsxBuffer("Laporan", COLUMNS, [["a", "b", 1, null]]));
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    expect(sheet.getColumn(1).width).toBe(30);
    expect(sheet.getRow(1).font?.bold).toBe(true);
  });

  it("streams rows that arrive in batches", async () => {
    async function* batches() {
      yield [["a", "1", 1, null]];
      yield [["b", "2", 2, null]];
    }
    const bytes = new Uint8Array(await new Response(xlsxStream("x", COLUMNS, batches())).arrayBuffer());
    expect((await load(bytes)).rowCount).toBe(3);
  });
});

describe("readXlsx", () => {
  it("reads the first sheet as text cells, NIP typed as a number included, without scientific notation", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Staf");
    sheet.addRow(["nama", "email", "nip", "kode_unit", "peran"]);
    sheet.addRow(["Rina", "rina@a.id", 198507122010012000, "16.01", "peserta"]);
    sheet.addRow([]);
    sheet.addRow(["Budi", { text: "budi@a.id", hyperlink: "mailto:budi@a.id" }, "198507122010012003", "16.01", null]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const parsed = await readXlsx(bytes);
    expect(parsed).toEqual({
      header: ["nama", "email", "nip", "kode_unit", "peran"],
      rows: [
        { line: 2, cells: ["Rina", "rina@a.id", "198507122010012000", "16.01", "peserta"] },
        { line: 4, cells: ["Budi", "budi@a.id", "198507122010012003", "16.01", ""] },
      ],
    });
  });

  it("returns null for bytes that are not a workbook", async () => {
    expect(await readXlsx(new TextEncoder().encode("nama,email\n"))).toBeNull();
  });
});
