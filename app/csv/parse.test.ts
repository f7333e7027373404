import { describe, expect, it } from "vitest";
import { CsvError, parseCsv } from "./parse";

const bytes = (...parts: (string | number[])[]) => new Uint8Array(parts.flatMap((p) => (typeof p === "string" ? [...new TextEncoder().encode(p)] : p)));

function csvError(run: () => unknown): CsvError {
  try {
    run();
  } catch (error) {
    if (error instanceof CsvError) return error;
    throw error;
  }
  throw new Error("expected a CsvError");
}

describe("parseCsv", () => {
  it("reads a plain comma file with LF", () => {
    expect(parseCsv("nama,email\nRina,rina@a.id\nBudi,budi@a.id\n")).toEqual({
      header: ["nama", "email"],
      rows: [
        { line: 2, cells: ["Rina", "rina@a.id"] },
        { line: 3, cells: ["Budi", "budi@a.id"] },
      ],
      delimiter: ",",
    });
  });

  it("reads quoted fields with delimiters, escaped quotes and line breaks", () => {
    const { rows } = parseCsv('a,b,c\r\n"Siti, S.Kom","Kata ""hoaks""","baris 1\r\nbaris 2"\r\nx,,\r\n');
    expect(rows).toEqual([
      { line: 2, cells: ["Siti, S.Kom", 'Kata "hoaks"', "baris 1\r\nbaris 2"] },
      { line: 4, cells: ["x", "", ""] },
    ]);
  });

  it("keeps a last record without a line break and empty quoted cells", () => {
    expect(parseCsv('a,b\n"",1').rows).toEqual([{ line: 2, cells: ["", "1"] }]);
  });

  it("treats a quote inside an unquoted field as text", () => {
    expect(parseCsv('a,b\nJl. "Merdeka" 5,2').rows[0]!.cells).toEqual(['Jl. "Merdeka" 5', "2"]);
  });

  it("detects the semicolon Excel writes in the Indonesian locale, from the header only", () => {
    const parsed = parseCsv("nama;email;nip\r\nAhmad, S.H.;ahmad@a.id;\r\n");
    expect(parsed.delimiter).toBe(";");
    expect(parsed.header).toEqual(["nama", "email", "nip"]);
    expect(parsed.rows[0]!.cells).toEqual(["Ahmad, S.H.", "ahmad@a.id", ""]);
  });

  it("ignores delimiters inside quoted header cells when detecting", () => {
    expect(parseCsv('"a;b;c",d\n1,2').delimiter).toBe(",");
  });

  it("strips a UTF-8 BOM from bytes and from strings", () => {
    expect(parseCsv(bytes([0xef, 0xbb, 0xbf], "nama;email\r\nÅsa;å@a.id\r\n")).header).toEqual(["nama", "email"]);
    expect(parseCsv("\uFEFFnama,email\n").header).toEqual(["nama", "email"]);
  });

  it("skips blank lines and all-blank rows but keeps physical line numbers", () => {
    const parsed = parseCsv('\n\nnama,email\n\n"multi\nline",x\n  \n,\n"",\nlast,y');
    expect(parsed.header).toEqual(["nama", "email"]);
    expect(parsed.rows).toEqual([
      { line: 5, cells: ["multi\nline", "x"] },
      { line: 10, cells: ["last", "y"] },
    ]);
  });

  it("counts lone CR as a line break", () => {
    expect(parseCsv("a,b\r1,2\r3,4").rows).toEqual([
      { line: 2, cells: ["1", "2"] },
      { line: 3, cells: ["3", "4"] },
    ]);
  });

  it("returns an empty header for an empty file", () => {
    expect(parseCsv("")).toEqual({ header: [], rows: [], delimiter: "," });
    expect(parseCsv(new Uint8Array([0xef, 0xbb, 0xbf]))).toEqual({ header: [], rows: [], delimiter: "," });
  });

  it("rejects bytes that are not UTF-8 (an ANSI export) with the line of the first bad byte", () => {
    const error = csvError(() => parseCsv(bytes("nama,email\nRina,r@a.id\nJos", [0xe9], ",j@a.id\n")));
    expect(error.code).toBe("encoding");
    expect(error.line).toBe(3);
  });

  it("rejects an unterminated quote at the line where it opens", () => {
    const error = csvError(() => parseCsv('nama,email\nok,x\n"Rina,r@a.id\nBudi,b@a.id\n'));
    expect(error.code).toBe("unterminated");
    expect(error.line).toBe(3);
    expect(error).toBeInstanceOf(Error);
  });

  it("limits the number of data rows", () => {
    const file = "a\n" + "x\n".repeat(3);
    expect(parseCsv(file, { maxRows: 3 }).rows).toHaveLength(3);
    const error = csvError(() => parseCsv(file + "y\n", { maxRows: 3 }));
    expect(error.code).toBe("too-many-rows");
    expect(error.line).toBe(5);
    expect(csvError(() => parseCsv("a\n" + "x\n".repeat(5001))).code).toBe("too-many-rows");
  });

  it("limits the size in UTF-8 bytes, for strings and bytes", () => {
    expect(parseCsv("a\n" + "x".repeat(8), { maxBytes: 10 }).rows).toHaveLength(1);
    expect(csvError(() => parseCsv("a\n" + "x".repeat(9), { maxBytes: 10 })).code).toBe("too-large");
    // "é" is two bytes: 2 + 5 × 2 = 12 bytes in 7 characters.
    expect(csvError(() => parseCsv("a\n" + "é".repeat(5), { maxBytes: 10 })).code).toBe("too-large");
    expect(csvError(() => parseCsv(new Uint8Array(11).fill(0x61), { maxBytes: 10 })).code).toBe("too-large");
    expect(csvError(() => parseCsv("x".repeat(2 * 1024 * 1024 + 1))).code).toBe("too-large");
  });
});
