import { describe, expect, it } from "vitest";
import { parseCsv } from "./parse";
import { toCsv } from "./write";

describe("toCsv", () => {
  it("starts with a BOM and ends every line with CRLF", () => {
    expect(toCsv(["nama", "skor"], [["Rina", 90]])).toBe("\uFEFFnama,skor\r\nRina,90\r\n");
  });

  it("quotes cells with delimiters, quotes or line breaks", () => {
    expect(toCsv(["a"], [["Siti, S.Kom"], ['Kata "hoaks"'], ["x;y"], ["1\n2"], ["plain"]])).toBe(
      '\uFEFFa\r\n"Siti, S.Kom"\r\n"Kata ""hoaks"""\r\n"x;y"\r\n"1\n2"\r\nplain\r\n',
    );
  });

  it("uses the semicolon for Excel in the Indonesian locale", () => {
    expect(toCsv(["nama", "unit"], [["Ahmad, S.H.", "16.01"]], { delimiter: ";" })).toBe('\uFEFFnama;unit\r\n"Ahmad, S.H.";16.01\r\n');
  });

  it("neutralises text that a spreadsheet would run as a formula", () => {
    const csv = toCsv(["x"], [['=HYPERLINK("http://evil")'], ["+62 811"], ["-1+1"], ["@SUM(A1)"], ["\t=1"], ["\r=1"], ["a=b"]]);
    expect(parseCsv(csv).rows.map((r) => r.cells[0])).toEqual(['\'=HYPERLINK("http://evil")', "'+62 811", "'-1+1", "'@SUM(A1)", "'\t'=1", "'\r'=1", "a=b"]);
    expect(toCsv(["=x"], [])).toBe("\uFEFF'=x\r\n");
  });

  it("writes numbers as numbers, negative ones included", () => {
    expect(toCsv(["n"], [[-5], [-0.25], [0], [1e21], [Number.NaN], [Number.POSITIVE_INFINITY]])).toBe("\uFEFFn\r\n-5\r\n-0.25\r\n0\r\n1e+21\r\n\r\n\r\n");
  });

  it("writes dates as YYYY-MM-DD on the Jakarta calendar, and nothing for empty values", () => {
    const rows = [[new Date("2024-03-01T00:00:00Z")], [new Date("2024-02-29T18:00:00Z")], [new Date("nope")], [null], [undefined]];
    expect(toCsv(["d"], rows)).toBe("\uFEFFd\r\n2024-03-01\r\n2024-03-01\r\n\r\n\r\n\r\n");
  });

  it("round-trips through parseCsv", () => {
    const rows = [["Rina Wulandari", "rina@a.id", "line\r\nbreak", 'q"uote', "a;b,c", ""]];
    const csv = toCsv(["a", "b", "c", "d", "e", "f"], rows, { delimiter: ";" });
    expect(parseCsv(csv)).toEqual({ header: ["a", "b", "c", "d", "e", "f"], rows: [{ line: 2, cells: rows[0] }], delimiter: ";" });
  });

  it("guards every piece a spreadsheet could split a cell into, not only its first character (probe finding 7, failed on main)", () => {
    const text = toCsv(["x"], [['Budi;=HYPERLINK("http://x")'], ["a, +1"], ["baris\n@SUM(A1)"], ["Jl. Merdeka - 5"]], { delimiter: ";" });
    const cells = parseCsv(text).rows.map((r) => r.cells[0]!);
    expect(cells[0]).toBe('Budi;\'=HYPERLINK("http://x")');
    expect(cells[1]).toBe("a, '+1");
    expect(cells[2]).toBe("baris\n'@SUM(A1)");
    expect(cells[3]).toBe("Jl. Merdeka - 5");
    for (const cell of cells) for (const piece of cell.split(/[;,\n]/)) expect(piece.trimStart()).not.toMatch(/^[=+@-]/);
  });
});
