import { describe, expect, it } from "vitest";
import { analyse, compilePattern, matchPattern } from "./match";
import { tokenize } from "./normalise";
import { markNegation } from "./negation";

function negatedWords(text: string): string[] {
  const tokens = tokenize(text);
  markNegation(tokens);
  return tokens.filter((t) => t.negated).map((t) => t.surface);
}

const matches = (pattern: string, text: string) => matchPattern(compilePattern(pattern), analyse(text)).length > 0;

describe("negation scope", () => {
  it("covers the words after tidak/bukan/belum/jangan/tanpa", () => {
    expect(negatedWords("Tidak perlu datang ke kantor")).toEqual(["perlu", "datang", "ke", "kantor"]);
    expect(negatedWords("Jangan kirim foto KK")).toEqual(["kirim", "foto", "kk"]);
    expect(negatedWords("tanpa biaya")).toEqual(["biaya"]);
  });

  it("stops at a clause break or a conjunction", () => {
    expect(negatedWords("tidak dipungut biaya dan blanko tersedia")).toEqual(["dipungut", "biaya"]);
    expect(negatedWords("Tidak, blanko masih ada")).toEqual([]);
    expect(negatedWords("bukan di sini tetapi di kecamatan")).toEqual(["di", "sini"]);
  });

  it("extends through a relative clause", () => {
    expect(negatedWords("tidak ada biaya yang harus dibayar")).toContain("dibayar");
  });

  it("ignores 'tidak hanya'", () => {
    expect(negatedWords("tidak hanya gratis tapi cepat")).toEqual([]);
  });

  it("slang negators count too", () => {
    expect(negatedWords("ga usah dtg")).toEqual(["usah", "datang"]);
  });
});

describe("negation in matching", () => {
  it("'tidak perlu datang' is not evidence of coming in person", () => {
    expect(matches("datang", "Silakan datang ke kecamatan")).toBe(true);
    expect(matches("datang", "Tidak perlu datang ke kecamatan")).toBe(false);
  });

  it("'tidak benar' / 'bukan fakta' / 'hoaks' say it is false; plain 'benar' confirms", () => {
    expect(matches("tidak/bukan benar/fakta", "Informasi itu tidak benar")).toBe(true);
    expect(matches("tidak/bukan benar/fakta", "Itu bukan fakta, Bu")).toBe(true);
    expect(matches("benar", "Informasi itu tidak benar")).toBe(false);
    expect(matches("benar ...3 blanko", "Iya Bu, benar bahwa blanko habis")).toBe(true);
  });

  it("~ matches negated words on purpose", () => {
    expect(matches("calo", "Jangan pakai calo")).toBe(false);
    expect(matches("~calo", "Jangan pakai calo")).toBe(true);
  });
});
