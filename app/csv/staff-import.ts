import type { MessageKey } from "~/i18n";
import { emailSchema, nipError } from "~/validation/account";
import { canGrantRole } from "~/utils/policy";

/** The required columns of the staff import, in the order the template uses. */
export const STAFF_IMPORT_COLUMNS = ["nama", "email", "nip", "kode_unit", "peran"] as const;
/** Optional columns: files made before they existed stay valid. `jenis_asn`: PNS or PPPK (empty = PNS). */
export const STAFF_IMPORT_OPTIONAL_COLUMNS = ["jenis_asn"] as const;
/** Every column the template carries. */
export const STAFF_TEMPLATE_COLUMNS = [...STAFF_IMPORT_COLUMNS, ...STAFF_IMPORT_OPTIONAL_COLUMNS] as const;
type Column = (typeof STAFF_TEMPLATE_COLUMNS)[number];

export const IMPORT_ERROR_KEYS = [
  "import.missingColumn",
  "import.extraColumn",
  "import.cellCount",
  "error.required",
  "import.tooLong",
  "import.formula",
  "error.email",
  "import.duplicateEmail",
  "error.emailTaken",
  "error.nip",
  "error.nipDate",
  "import.duplicateNip",
  "error.nipTaken",
  "import.unknownUnit",
  "error.agencyScope",
  "import.unknownRole",
  "error.roleScope",
  "import.unknownAsnKind",
] as const satisfies readonly MessageKey[];
export type ImportErrorKey = (typeof IMPORT_ERROR_KEYS)[number];

type Role = "learner" | "instructor" | "manager" | "admin";

export type ImportContext = {
  /** By agency code: every agency the system knows, not only the manager's. */
  units: Map<string, { id: string; path: string }>;
  /** The actor's subtree path prefix, e.g. "/a/b/"; admin = "/". */
  scopePath: string;
  actorRole: "manager" | "admin";
  /** Lower-case. */
  existingEmails: Set<string>;
  existingNips: Set<string>;
};

export type ImportRow = {
  line: number;
  name: string;
  email: string;
  nip: string | null;
  unitCode: string;
  role: Role;
  asnKind: "pns" | "pppk";
  /** Set only when the unit exists and is inside the actor's scope. */
  agencyId: string | null;
  errors: ImportErrorKey[];
};

export type StaffImportResult = {
  headerErrors: ImportErrorKey[];
  /** Column names for the header messages, e.g. "Kolom tidak ada: {columns}". */
  missingColumns: string[];
  extraColumns: string[];
  rows: ImportRow[];
  validCount: number;
};

// Indonesian and English names, plus the role labels Sigap itself shows (id.ts, en.ts).
const ROLE_NAMES = new Map<string, Role>([
  ["peserta", "learner"],
  ["learner", "learner"],
  ["instruktur", "instructor"],
  ["instructor", "instructor"],
  ["manajer", "manager"],
  ["manajer pelatihan", "manager"],
  ["manager", "manager"],
  ["training manager", "manager"],
  ["admin", "admin"],
  ["administrator", "admin"],
]);

const ASN_KINDS = new Map<string, "pns" | "pppk">([
  ["", "pns"],
  ["pns", "pns"],
  ["cpns", "pns"],
  ["pppk", "pppk"],
  ["p3k", "pppk"],
]);

const NAME_MAX = 200;
// Trimmed names only, so tab and CR cannot lead; the writer neutralises those on export anyway.
const FORMULA_START = /^[=+\-@]/;

/**
 * Checks a parsed staff file without touching the database: the caller passes what exists
 * (`ctx`) and creates accounts only for rows with no errors. When the header is wrong no rows
 * are checked, since the columns cannot be trusted.
 */
export function validateStaffImport(csv: { header: string[]; rows: { line: number; cells: string[] }[] }, ctx: ImportContext): StaffImportResult {
  const { columns, missingColumns, extraColumns } = readHeader(csv.header);
  const headerErrors: ImportErrorKey[] = [];
  if (missingColumns.length > 0) headerErrors.push("import.missingColumn");
  if (extraColumns.length > 0) headerErrors.push("import.extraColumn");
  if (headerErrors.length > 0) return { headerErrors, missingColumns, extraColumns, rows: [], validCount: 0 };

  const findUnit = unitFinder(ctx.units);
  const emailsInFile = new Set<string>();
  const nipsInFile = new Set<string>();
  const rows: ImportRow[] = [];

  for (const record of csv.rows) {
    const cell = (column: Column) => (columns.has(column) ? (record.cells[columns.get(column)!] ?? "") : "").trim();
    const name = cell("nama");
    const unitCode = cell("kode_unit");
    const rawRole = cell("peran");
    const role = rawRole === "" ? "learner" : ROLE_NAMES.get(rawRole.toLowerCase().replace(/\s+/g, " "));
    const nip = cell("nip").replace(/\s+/g, "") || null;
    const asnKind = ASN_KINDS.get(cell("jenis_asn").toLowerCase());
    const row: ImportRow = {
      line: record.line,
      name,
      email: cell("email"),
      nip,
      unitCode,
      role: role ?? "learner",
      asnKind: asnKind ?? "pns",
      agencyId: null,
      errors: [],
    };
    rows.push(row);

    // A short or long row has shifted columns: any further check would blame the wrong cell.
    if (record.cells.length !== csv.header.length) {
      row.errors.push("import.cellCount");
      continue;
    }
    const errors = new Set<ImportErrorKey>();

    if (name === "") errors.add("error.required");
    else if (name.length > NAME_MAX) errors.add("import.tooLong");
    else if (FORMULA_START.test(name)) errors.add("import.formula");

    const email = emailSchema.safeParse(row.email);
    if (!email.success) errors.add(email.error.issues[0]?.message === "error.required" ? "error.required" : "error.email");
    else {
      row.email = email.data;
      if (emailsInFile.has(email.data)) errors.add("import.duplicateEmail");
      emailsInFile.add(email.data);
      if (ctx.existingEmails.has(email.data)) errors.add("error.emailTaken");
    }

    if (nip) {
      const nipProblem = nipError(nip);
      if (nipProblem) errors.add(nipProblem === "error.nipDate" ? "error.nipDate" : "error.nip");
      else {
        if (nipsInFile.has(nip)) errors.add("import.duplicateNip");
        nipsInFile.add(nip);
        if (ctx.existingNips.has(nip)) errors.add("error.nipTaken");
      }
    }

    if (unitCode === "") errors.add("error.required");
    else {
      const unit = findUnit(unitCode);
      if (!unit) errors.add("import.unknownUnit");
      else if (!unit.path.startsWith(ctx.scopePath)) errors.add("error.agencyScope");
      else row.agencyId = unit.id;
    }

    if (!role) errors.add("import.unknownRole");
    else if (!canGrantRole({ role: ctx.actorRole }, role)) errors.add("error.roleScope");

    if (!asnKind) errors.add("import.unknownAsnKind");

    row.errors = [...errors];
  }

  return { headerErrors, missingColumns, extraColumns, rows, validCount: rows.filter((r) => r.errors.length === 0).length };
}

function readHeader(header: string[]) {
  const columns = new Map<Column, number>();
  const extraColumns: string[] = [];
  header.forEach((raw, index) => {
    // "Kode Unit" typed by hand means kode_unit.
    const name = raw.trim().toLowerCase().replace(/\s+/g, "_");
    // Excel leaves empty header cells after a column was cleared; they are not columns.
    if (name === "") return;
    if ((STAFF_TEMPLATE_COLUMNS as readonly string[]).includes(name) && !columns.has(name as Column)) {
      columns.set(name as Column, index);
    } else extraColumns.push(raw.trim());
  });
  const missingColumns = STAFF_IMPORT_COLUMNS.filter((c) => !columns.has(c));
  return { columns, missingColumns, extraColumns };
}

/** Exact code first; otherwise a case-insensitive match, if only one agency has it. */
function unitFinder(units: ImportContext["units"]) {
  const byLowerCode = new Map<string, { id: string; path: string } | null>();
  for (const [code, unit] of units) {
    const key = code.toLowerCase();
    byLowerCode.set(key, byLowerCode.has(key) ? null : unit);
  }
  return (code: string) => units.get(code) ?? byLowerCode.get(code.toLowerCase()) ?? null;
}
