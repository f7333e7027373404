import { loadExcel } from "~/utils/lazy-deps.server";
import type { Lang } from "~/i18n";
import { agencySubtree } from "~/models/agency.server";
import type { SessionUser } from "~/utils/auth.server";
import type { Db } from "~/utils/db.server";
import { managedScopePath } from "~/utils/permissions.server";
import { csvDelimiter, type ExportFormat } from "./export.server";
import { STAFF_TEMPLATE_COLUMNS } from "./staff-import";
import { toCsv } from "./write";
import { XLSX_TYPE } from "./xlsx.server";

const WIDTHS = [32, 32, 22, 26, 14, 12];

/**
 * The staff import template: the header row, and in the workbook the NIP and unit-code columns
 * formatted as text (so Excel keeps all 18 digits), a list of allowed roles and a second sheet
 * with the unit codes in the manager's scope.
 */
export async function staffTemplate(db: Db, user: SessionUser, lang: Lang, format: ExportFormat): Promise<Response> {
  const headers = { "Content-Disposition": `attachment; filename="templat-impor-staf.${format}"`, "Cache-Control": "private, no-store" };
  if (format === "csv") {
    return new Response(toCsv([...STAFF_TEMPLATE_COLUMNS], [], { delimiter: csvDelimiter(lang) }), {
      headers: { ...headers, "Content-Type": "text/csv; charset=utf-8" },
    });
  }
  const units = await agencySubtree(db, { path: managedScopePath(user) });
  const ExcelJS = await loadExcel();
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Sigap";
  const staff = workbook.addWorksheet("Staf", { views: [{ state: "frozen", ySplit: 1 }] });
  staff.columns = STAFF_TEMPLATE_COLUMNS.map((header, i) => ({ header, key: header, width: WIDTHS[i], style: { numFmt: "@" } }));
  staff.getRow(1).font = { bold: true };
  const roles = user.role === "admin" ? '"peserta,manajer,instruktur,admin"' : '"peserta,manajer"';
  for (let row = 2; row <= 1001; row++) {
    staff.getCell(row, 5).dataValidation = { type: "list", allowBlank: true, formulae: [roles], showErrorMessage: true };
    staff.getCell(row, 6).dataValidation = { type: "list", allowBlank: true, formulae: ['"PNS,PPPK"'], showErrorMessage: true };
  }
  const codes = workbook.addWorksheet("Kode unit", { views: [{ state: "frozen", ySplit: 1 }] });
  codes.columns = [
    { header: "kode_unit", key: "code", width: 28, style: { numFmt: "@" } },
    { header: "nama_unit", key: "name", width: 50 },
  ];
  codes.getRow(1).font = { bold: true };
  for (const u of units) codes.addRow({ code: u.code, name: u.name });
  codes.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: 2 } };
  const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
  return new Response(bytes, { headers: { ...headers, "Content-Type": XLSX_TYPE } });
}
