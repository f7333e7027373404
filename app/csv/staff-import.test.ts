import { describe, expect, it } from "vitest";
import { serverTranslator } from "~/utils/i18n.server";
import { parseCsv } from "./parse";
import { IMPORT_ERROR_KEYS, validateStaffImport, type ImportContext } from "./staff-import";
import { toCsv } from "./write";

// Tree: 16 (province) → 16.01 (regency) → DUKCAPIL (managed subtree) → PDP unit; 16.02 is a neighbour.
function context(overrides: Partial<ImportContext> = {}): ImportContext {
  return {
    units: new Map([
      ["16.01.DUKCAPIL", { id: "dukcapil", path: "/p16/r01/dukcapil/" }],
      ["16.01.DUKCAPIL.PDP", { id: "pdp", path: "/p16/r01/dukcapil/pdp/" }],
      ["16.02.DISKOMINFO", { id: "kominfo", path: "/p16/r02/kominfo/" }],
    ]),
    scopePath: "/p16/r01/dukcapil/",
    actorRole: "manager",
    existingEmails: new Set(["lama@oku.go.id"]),
    existingNips: new Set(["198001012005011001"]),
    ...overrides,
  };
}

const HEADER = "nama,email,nip,kode_unit,peran";
const validate = (text: string, ctx = context()) => validateStaffImport(parseCsv(text), ctx);
/** Errors of the only data row in a file with the standard header. */
const errorsOf = (row: string, ctx = context()) => validate(`${HEADER}\n${row}\n`, ctx).rows[0]!.errors;

describe("validateStaffImport", () => {
  it("accepts a clean file and normalises its values", () => {
    const result = validate(
      [
        HEADER,
        '"Rina Wulandari, S.Kom.", Rina@OKU.go.id ,1985 0712 2010 01 2 003,16.01.DUKCAPIL.PDP,',
        "Budi Santoso,budi@oku.go.id,,16.01.dukcapil,manajer",
      ].join("\n"),
    );
    expect(result.headerErrors).toEqual([]);
    expect(result.validCount).toBe(2);
    expect(result.rows).toEqual([
      {
        line: 2,
        name: "Rina Wulandari, S.Kom.",
        email: "rina@oku.go.id",
        nip: "198507122010012003",
        unitCode: "16.01.DUKCAPIL.PDP",
        role: "learner",
        asnKind: "pns",
        agencyId: "pdp",
        errors: [],
      },
      {
        line: 3,
        name: "Budi Santoso",
        email: "budi@oku.go.id",
        nip: null,
        unitCode: "16.01.dukcapil",
        role: "manager",
        asnKind: "pns",
        agencyId: "dukcapil",
        errors: [],
      },
    ]);
  });

  it("refuses roles a manager may not grant: instructors override grades (decision 012)", () => {
    const result = validate([HEADER, "Budi Santoso,budi@oku.go.id,,16.01.dukcapil,instruktur"].join("\n"));
    expect(result.rows[0]!.errors).toEqual(["error.roleScope"]);
    expect(result.validCount).toBe(0);
  });

  it("reads a semicolon file with BOM from Excel, with the columns in any order and case", () => {
    const excel = "\uFEFF Peran ;NIP;Email;Kode Unit;NAMA\r\nManajer Pelatihan;;siti@oku.go.id;16.01.DUKCAPIL;Siti Aminah, S.H.\r\n;;;;\r\n";
    const result = validateStaffImport(parseCsv(new TextEncoder().encode(excel)), context());
    expect(result.headerErrors).toEqual([]);
    expect(result.rows).toEqual([
      {
        line: 2,
        name: "Siti Aminah, S.H.",
        email: "siti@oku.go.id",
        nip: null,
        unitCode: "16.01.DUKCAPIL",
        role: "manager",
        asnKind: "pns",
        agencyId: "dukcapil",
        errors: [],
      },
    ]);
  });

  it("reads the optional jenis_asn column: PNS or PPPK (P3K), empty is PNS, anything else an error", () => {
    const file = [
      `${HEADER},jenis_asn`,
      "Ani,ani@oku.go.id,,16.01.DUKCAPIL,peserta,PPPK",
      "Budi,budi@oku.go.id,,16.01.DUKCAPIL,peserta,p3k",
      "Cici,cici@oku.go.id,,16.01.DUKCAPIL,peserta,",
      "Dodi,dodi@oku.go.id,,16.01.DUKCAPIL,peserta,PNS",
      "Eka,eka@oku.go.id,,16.01.DUKCAPIL,peserta,honorer",
    ].join("\n");
    const result = validate(file);
    expect(result.headerErrors).toEqual([]);
    expect(result.rows.map((r) => [r.name, r.asnKind, r.errors])).toEqual([
      ["Ani", "pppk", []],
      ["Budi", "pppk", []],
      ["Cici", "pns", []],
      ["Dodi", "pns", []],
      ["Eka", "pns", ["import.unknownAsnKind"]],
    ]);
  });

  it("accepts Indonesian and English role names in any case", () => {
    const roles = ["peserta", "LEARNER", "Instruktur", "instructor", "manajer", "Manager", "training manager", "admin", "Administrator"];
    const file = [HEADER, ...roles.map((r, i) => `Orang ${i},o${i}@oku.go.id,,16.01.DUKCAPIL,${r}`)].join("\n");
    const result = validate(file, context({ actorRole: "admin", scopePath: "/" }));
    expect(result.rows.map((r) => r.role)).toEqual(["learner", "learner", "instructor", "instructor", "manager", "manager", "manager", "admin", "admin"]);
    expect(result.validCount).toBe(roles.length);
  });

  describe("header", () => {
    it("reports missing columns and validates no rows", () => {
      const result = validate("nama,email,nip\nRina,rina@oku.go.id,\n");
      expect(result).toEqual({ headerErrors: ["import.missingColumn"], missingColumns: ["kode_unit", "peran"], extraColumns: [], rows: [], validCount: 0 });
    });
    it("reports extra and repeated columns", () => {
      const result = validate(`${HEADER},Jabatan,email\n`);
      expect(result.headerErrors).toEqual(["import.extraColumn"]);
      expect(result.extraColumns).toEqual(["Jabatan", "email"]);
    });
    it("reports both at once", () => {
      const result = validate("name,email,nip,kode_unit,peran\n");
      expect(result.headerErrors).toEqual(["import.missingColumn", "import.extraColumn"]);
      expect(result.missingColumns).toEqual(["nama"]);
      expect(result.extraColumns).toEqual(["name"]);
    });
    it("reports every column missing for an empty file", () => {
      expect(validate("").missingColumns).toEqual(["nama", "email", "nip", "kode_unit", "peran"]);
    });
    it("ignores empty header cells Excel leaves after a cleared column", () => {
      const result = validate(`${HEADER};;\nRina;rina@oku.go.id;;16.01.DUKCAPIL;;;\n`.replaceAll(",", ";"));
      expect(result.headerErrors).toEqual([]);
      expect(result.validCount).toBe(1);
    });
  });

  describe("row errors", () => {
    it("requires name, email and unit", () => {
      expect(errorsOf(",rina@oku.go.id,,16.01.DUKCAPIL,")).toEqual(["error.required"]);
      expect(errorsOf("Rina, ,,16.01.DUKCAPIL,")).toEqual(["error.required"]);
      expect(errorsOf("Rina,rina@oku.go.id,,,")).toEqual(["error.required"]);
    });

    it("rejects long names and names a spreadsheet would run as formulas", () => {
      expect(errorsOf(`${"a".repeat(200)},rina@oku.go.id,,16.01.DUKCAPIL,`)).toEqual([]);
      expect(errorsOf(`${"a".repeat(201)},rina@oku.go.id,,16.01.DUKCAPIL,`)).toEqual(["import.tooLong"]);
      for (const name of ["=1+1", "+62", " -x", "@SUM(A1)"]) {
        expect(errorsOf(`${name},rina@oku.go.id,,16.01.DUKCAPIL,`)).toEqual(["import.formula"]);
      }
    });

    it("rejects a bad email", () => {
      expect(errorsOf("Rina,rina@oku,,16.01.DUKCAPIL,")).toEqual(["error.email"]);
    });

    it("flags the second and later uses of an email in the file, ignoring case", () => {
      const result = validate(
        [HEADER, "A,sama@oku.go.id,,16.01.DUKCAPIL,", "B,SAMA@oku.go.id,,16.01.DUKCAPIL,", "C,sama@oku.go.id ,,16.01.DUKCAPIL,"].join("\n"),
      );
      expect(result.rows.map((r) => r.errors)).toEqual([[], ["import.duplicateEmail"], ["import.duplicateEmail"]]);
      expect(result.validCount).toBe(1);
    });

    it("rejects an email already in the system", () => {
      expect(errorsOf("Rina,Lama@OKU.go.id,,16.01.DUKCAPIL,")).toEqual(["error.emailTaken"]);
    });

    it("checks the NIP with the account rules", () => {
      expect(errorsOf("Rina,rina@oku.go.id,12345,16.01.DUKCAPIL,")).toEqual(["error.nip"]);
      // Excel turns an 18-digit number into scientific notation unless the column is text.
      expect(errorsOf("Rina,rina@oku.go.id,1.98507E+17,16.01.DUKCAPIL,")).toEqual(["error.nip"]);
      expect(errorsOf("Rina,rina@oku.go.id,198502302010012003,16.01.DUKCAPIL,")).toEqual(["error.nipDate"]);
    });

    it("flags a NIP used twice in the file and one already registered", () => {
      const result = validate([HEADER, "A,a@oku.go.id,198507122010012003,16.01.DUKCAPIL,", "B,b@oku.go.id,1985 0712 2010 01 2 003,16.01.DUKCAPIL,"].join("\n"));
      expect(result.rows.map((r) => r.errors)).toEqual([[], ["import.duplicateNip"]]);
      expect(errorsOf("Rina,rina@oku.go.id,198001012005011001,16.01.DUKCAPIL,")).toEqual(["error.nipTaken"]);
    });

    it("rejects unknown units and units outside the manager's subtree", () => {
      expect(errorsOf("Rina,rina@oku.go.id,,16.99.X,")).toEqual(["import.unknownUnit"]);
      const outside = validate(`${HEADER}\nRina,rina@oku.go.id,,16.02.DISKOMINFO,\n`).rows[0]!;
      expect(outside.errors).toEqual(["error.agencyScope"]);
      expect(outside.agencyId).toBeNull();
      expect(errorsOf("Rina,rina@oku.go.id,,16.02.DISKOMINFO,", context({ actorRole: "admin", scopePath: "/" }))).toEqual([]);
    });

    it("rejects unknown roles and roles above the actor", () => {
      expect(errorsOf("Rina,rina@oku.go.id,,16.01.DUKCAPIL,kepala")).toEqual(["import.unknownRole"]);
      expect(errorsOf("Rina,rina@oku.go.id,,16.01.DUKCAPIL,constructor")).toEqual(["import.unknownRole"]);
      expect(errorsOf("Rina,rina@oku.go.id,,16.01.DUKCAPIL,manajer")).toEqual([]);
      expect(errorsOf("Rina,rina@oku.go.id,,16.01.DUKCAPIL,administrator")).toEqual(["error.roleScope"]);
      expect(errorsOf("Rina,rina@oku.go.id,,16.01.DUKCAPIL,admin", context({ actorRole: "admin" }))).toEqual([]);
    });

    it("reports only the cell count when a row has too few or too many cells", () => {
      const result = validate([HEADER, "Rina,rina@oku.go.id,,16.01.DUKCAPIL", "Budi,Santoso,budi@oku.go.id,,16.01.DUKCAPIL,"].join("\n"));
      expect(result.rows.map((r) => [r.line, r.errors])).toEqual([
        [2, ["import.cellCount"]],
        [3, ["import.cellCount"]],
      ]);
      expect(result.validCount).toBe(0);
    });

    it("collects several errors on one row and counts only clean rows as valid", () => {
      const ctx = context();
      const result = validate(
        [HEADER, "=cmd,lama@oku.go.id,198502302010012003,16.02.DISKOMINFO,admin", "Budi,budi@oku.go.id,,16.01.DUKCAPIL,peserta", ",x,1,,?"].join("\n"),
        ctx,
      );
      expect(result.rows.map((r) => r.errors)).toEqual([
        ["import.formula", "error.emailTaken", "error.nipDate", "error.agencyScope", "error.roleScope"],
        [],
        ["error.required", "error.email", "error.nip", "import.unknownRole"],
      ]);
      expect(result.validCount).toBe(1);
    });
  });

  it("has an error key for every check, and the shared ones are in the dictionary", () => {
    const t = serverTranslator("id");
    for (const key of IMPORT_ERROR_KEYS.filter((k) => k.startsWith("error."))) expect(t(key as Parameters<typeof t>[0])).not.toBe(key);
    expect(IMPORT_ERROR_KEYS).toHaveLength(18);
  });

  it("reads back a file written by toCsv with neutralised cells as a formula error, not a formula", () => {
    const csv = toCsv(["nama", "email", "nip", "kode_unit", "peran"], [["=1+1", "a@oku.go.id", null, "16.01.DUKCAPIL", "peserta"]], { delimiter: ";" });
    const row = validateStaffImport(parseCsv(csv), context()).rows[0]!;
    expect(row.name).toBe("'=1+1");
    expect(row.errors).toEqual([]);
  });
});
