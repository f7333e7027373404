import { WIB_OFFSET_MS } from "~/utils/dates";
import { PassThrough, Readable } from "node:stream";
import type { CellValue } from "exceljs";
import { loadExcel } from "~/utils/lazy-deps.server";
import type { CsvCell } from "./write";

/**
 * How a column is stored: "text" keeps NIP and codes exactly (Excel shows 18-digit numbers as
 * 1.98708E+17 and drops digits), "date" is a real spreadsheet date on the Jakarta calendar.
 */
export type XlsxColumn = { header: string; type: "text" | "number" | "date"; width: number };

const DATE_FORMAT = "dd/mm/yyyy";

/** A date or "YYYY-MM-DD" as the Jakarta calendar day at 00:00 UTC: Excel dates have no zone. */
function calendarDay(value: Date | string): Date | null {
  if (typeof value === "string") {
    const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
    return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
  }
  if (Number.isNaN(value.getTime())) return null;
  const wib = new Date(value.getTime() + WIB_OFFSET_MS);
  return new Date(Date.UTC(wib.getUTCFullYear(), wib.getUTCMonth(), wib.getUTCDate()));
}

function cellValue(column: XlsxColumn, value: CsvCell): CellValue {
  if (value === null || value === undefined || value === "") return null;
  if (column.type === "date") return typeof value === "number" ? null : calendarDay(value);
  if (column.type === "number")
    return typeof value === "number" && Number.isFinite(value) ? value : Number.isFinite(Number(value)) ? Number(value) : String(value);
  // A string cell is never evaluated, so no formula guard is needed (or shown) here.
  return value instanceof Date ? calendarDay(value) : String(value);
}

async function* asBatches(rows: CsvCell[][] | AsyncIterable<CsvCell[][]>): AsyncGenerator<CsvCell[][]> {
  if (Array.isArray(rows)) yield rows;
  else yield* rows;
}

/**
 * A one-sheet workbook Excel opens as a table: bold frozen header with autofilter, column widths,
 * text/number/date cells. Rows come in batches and are written as they arrive (streaming writer),
 * so a province-wide report never sits in memory at once.
 */
export function xlsxStream(sheetName: string, columns: XlsxColumn[], rows: CsvCell[][] | AsyncIterable<CsvCell[][]>): ReadableStream<Uint8Array> {
  const out = new PassThrough();
  (async () => {
    const ExcelJS = await loadExcel();
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
    workbook.creator = "Sigap";
    const sheet = workbook.addWorksheet(sheetName.slice(0, 31), { views: [{ state: "frozen", ySplit: 1 }] });
    sheet.columns = columns.map((c, i) => ({
      key: String(i),
      width: c.width,
      style: c.type === "text" ? { numFmt: "@" } : c.type === "date" ? { numFmt: DATE_FORMAT } : {},
    }));
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
    const header = sheet.addRow(columns.map((c) => c.header));
    header.font = { bold: true };
    header.commit();
    for await (const batch of asBatches(rows)) {
      for (const row of batch) sheet.addRow(columns.map((c, i) => cellValue(c, row[i]))).commit();
    }
    sheet.commit();
    await workbook.commit();
  })().catch((error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))));
  return Readable.toWeb(out) as ReadableStream<Uint8Array>;
}

/** The whole workbook in memory, for small files (templates, link lists) and tests. */
export async function xlsxBuffer(sheetName: string, columns: XlsxColumn[], rows: CsvCell[][]): Promise<Uint8Array> {
  return new Uint8Array(await new Response(xlsxStream(sheetName, columns, rows)).arrayBuffer());
}

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/**
 * The first sheet of an uploaded workbook as header + records, the shape `parseCsv` returns, with
 * every cell as the text Excel shows (numbers without scientific notation, dates as YYYY-MM-DD).
 * Null when the bytes are not a readable workbook.
 */
export async function readXlsx(
  bytes: Uint8Array,
  opts: { maxRows?: number } = {},
): Promise<{ header: string[]; rows: { line: number; cells: string[] }[] } | null> {
  const ExcelJS = await loadExcel();
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  } catch {
    return null;
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { header: [], rows: [] };
  const width = sheet.columnCount;
  let header: string[] | null = null;
  const rows: { line: number; cells: string[] }[] = [];
  const maxRows = opts.maxRows ?? 5000;
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const cells = Array.from({ length: width }, (_, i) => cellText(row.getCell(i + 1).value));
    // Trailing empty columns Excel keeps after a cleared column are dropped from the header.
    if (cells.every((c) => c.trim() === "")) return;
    if (!header) {
      header = trimTrailingEmpty(cells);
      return;
    }
    if (rows.length >= maxRows) throw new RangeError("too-many-rows");
    rows.push({ line, cells: cells.slice(0, Math.max(header.length, lastFilled(cells) + 1)) });
  });
  return { header: header ?? [], rows };
}

function lastFilled(cells: string[]): number {
  for (let i = cells.length - 1; i >= 0; i--) if (cells[i]!.trim() !== "") return i;
  return -1;
}

function trimTrailingEmpty(cells: string[]): string[] {
  return cells.slice(0, lastFilled(cells) + 1);
}

function cellText(value: CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isInteger(value) ? BigInt(Math.round(value)).toString() : String(value);
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((r) => r.text).join("");
    if ("text" in value && typeof value.text === "string") return value.text;
    if ("result" in value) return cellText((value.result ?? null) as CellValue);
    if ("error" in value) return "";
  }
  return String(value);
}

/** Whether the bytes are a zip container (every .xlsx is one); a CSV never starts with "PK\x03\x04". */
export const looksLikeXlsx = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

/**
 * A workbook's first sheet as CSV text, every cell quoted, each record on the line number of its
 * row in the sheet (gaps left blank, which the CSV reader skips), so the preview's line numbers
 * are the row numbers the manager sees in Excel. The text is only read back by our own parser,
 * so no formula guard is applied: a name starting with "=" is reported, not hidden.
 */
export async function xlsxAsCsvText(bytes: Uint8Array, opts: { maxRows?: number } = {}): Promise<string | null> {
  const sheet = await readXlsx(bytes, opts);
  if (!sheet) return null;
  const quote = (cell: string) => `"${cell.replaceAll('"', '""').replace(/\r\n?|\n/g, " ")}"`;
  let text = sheet.header.map(quote).join(",") + "\r\n";
  let line = 2;
  for (const row of sheet.rows) {
    while (line < row.line) {
      text += "\r\n";
      line++;
    }
    text += row.cells.map(quote).join(",") + "\r\n";
    line++;
  }
  return text;
}
