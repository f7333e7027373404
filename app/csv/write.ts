export type CsvCell = string | number | null | undefined | Date;

// OWASP CSV injection: spreadsheet apps run cells starting with these as formulas. A cell is
// guarded at its start and after every separator a spreadsheet might split on (Excel in the
// Indonesian locale splits on ";", others on "," or tabs), so no piece of it starts a formula.
const FORMULA_START = /^[=+\-@\t\r]/;
const FORMULA_AFTER_SEPARATOR = /([,;\t\r\n]\s*)(?=[=+\-@])/g;
const NEEDS_QUOTES = /[",;\r\n]/;

// Reports are read in Indonesia; WIB keeps a timestamp on the day the user saw it happen.
const dateParts = new Intl.DateTimeFormat("en-US", {
  timeZone: "Asia/Jakarta",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/**
 * A CSV file Excel opens correctly: UTF-8 with BOM, CRLF, quoted where needed. Text cells that
 * would run as formulas get a leading `'`; numbers (including negative ones) are written as is.
 * Dates become `YYYY-MM-DD` in Asia/Jakarta. Use `;` for Excel in the Indonesian locale.
 */
export function toCsv(header: string[], rows: CsvCell[][], opts: { delimiter?: "," | ";" } = {}): string {
  return "\uFEFF" + csvLines([header, ...rows], opts);
}

/** Rows as CSV lines without the BOM, for files streamed in batches after a `toCsv(header, [])`. */
export function csvLines(rows: CsvCell[][], opts: { delimiter?: "," | ";" } = {}): string {
  const delimiter = opts.delimiter ?? ",";
  let out = "";
  for (const row of rows) out += row.map(field).join(delimiter) + "\r\n";
  return out;
}

function field(value: CsvCell): string {
  const text = cellText(value);
  // Both delimiters are quoted so the file survives re-detection whichever one it uses.
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function cellText(value: CsvCell): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "" : isoDate(value);
  const inner = value.replace(FORMULA_AFTER_SEPARATOR, "$1'");
  return FORMULA_START.test(inner) ? `'${inner}` : inner;
}

function isoDate(date: Date): string {
  const parts = dateParts.formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}-${part("day")}`;
}
