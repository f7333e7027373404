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

  it("denies the subject of a post-posed negation", () => {
    expect(negatedWords("Uang pelicin tidak perlu, Bu")).toEqual(["uang", "pelicin", "perlu"]);
    expect(negatedWords("uang rokok juga gak perlu dikasih ya")).toEqual(expect.arrayContaining(["uang", "rokok"]));
    expect(negatedWords("Biaya tidak dipungut sama sekali")).toContain("biaya");
    expect(negatedWords("Pungutan tambahan tidak dikenakan")).toEqual(expect.arrayContaining(["pungutan", "tambahan"]));
    expect(negatedWords("Biaya tambahan tidak ada")).toEqual(expect.arrayContaining(["biaya", "tambahan"]));
    expect(negatedWords("Kabar tanggul jebol itu tidak benar")).toEqual(expect.arrayContaining(["tanggul", "jebol"]));
    expect(negatedWords("Info itu belum terkonfirmasi")).toContain("informasi");
  });

  it("leaves the subject alone when the negation governs what follows it", () => {
    expect(negatedWords("Cukup bawa KK asli tidak perlu fotokopi")).toEqual(["perlu", "fotokopi"]);
    expect(negatedWords("Ibu tidak perlu membayar apa pun")).not.toContain("ibu");
    expect(negatedWords("Penunggak PBB tidak dilayani, katanya")).toEqual(["dilayani"]);
    expect(negatedWords("Hindari biaya yang tidak perlu")).toEqual(["perlu"]);
    expect(negatedWords("Calo bukan petugas kami")).toEqual(["petugas", "kami"]);
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

  it("'uang pelicin tidak perlu' and 'biaya tidak dipungut' do not mention them positively", () => {
    expect(matches("uang pelicin", "Uang pelicin tidak perlu, Bu")).toBe(false);
    expect(matches("uang pelicin", "Kasih uang pelicin saja")).toBe(true);
    expect(matches("biaya", "Biaya tidak dipungut untuk KTP-el")).toBe(false);
    expect(matches("tanggul ...3 jebol", "Kabar tanggul jebol itu tidak benar, Bu")).toBe(false);
    expect(matches("biaya/bayar ...2 tidak", "Biaya tidak dipungut")).toBe(true);
  });

  it("~ matches negated words on purpose", () => {
    expect(matches("calo", "Jangan pakai calo")).toBe(false);
    expect(matches("~calo", "Jangan pakai calo")).toBe(true);
  });

  it("'jangan lupa' affirms what follows; 'atau' keeps the negation going", () => {
    expect(matches("bawa kk", "Jangan lupa bawa KK, ya")).toBe(true);
    expect(matches("bawa kk", "Tidak lupa bawa KK")).toBe(true);
    expect(matches("jalur cepat", "Tidak ada jalur damai atau jalur cepat berbayar")).toBe(false);
  });
});
