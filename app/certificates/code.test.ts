import { describe, expect, it } from "vitest";
import { checkCertificateCode, generateCertificateCode, normaliseCertificateCode } from "./code";

const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const SHAPE = /^SGP-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

// Small deterministic PRNG (mulberry32) so a failing case can be reproduced.
function seededRandom(seed: number): (n: number) => Uint8Array {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return (n) => Uint8Array.from({ length: n }, () => Math.floor(next() * 256));
}

const put = (symbols: string[], i: number, c: string) => symbols.map((s, k) => (k === i ? c : s));
const symbolsOf = (code: string) => [...code.slice(4).replaceAll("-", "")];
const codeOf = (symbols: string[]) => `SGP-${symbols.slice(0, 4).join("")}-${symbols.slice(4, 8).join("")}-${symbols.slice(8).join("")}`;

const random = seededRandom(20261122);
const SAMPLES = Array.from({ length: 1000 }, () => generateCertificateCode(random));
const SAMPLE = SAMPLES[0];

describe("generateCertificateCode", () => {
  it("has the SGP-XXXX-XXXX-XXXX shape and a valid check symbol", () => {
    for (const code of SAMPLES) {
      expect(code).toMatch(SHAPE);
      expect(checkCertificateCode(code)).toEqual({ ok: true, code });
    }
  });

  it("uses crypto randomness by default", () => {
    const codes = new Set(Array.from({ length: 200 }, () => generateCertificateCode()));
    expect(codes.size).toBe(200);
    for (const code of codes) expect(checkCertificateCode(code).ok).toBe(true);
  });

  it("maps the low five bits of each byte to a symbol", () => {
    const code = generateCertificateCode((n) => Uint8Array.from({ length: n }, (_, i) => 32 * 3 + i));
    expect(code.slice(0, 17)).toBe("SGP-0123-4567-89A");
  });

  it("uses every symbol in every data position", () => {
    for (let position = 0; position < 11; position++) {
      const seen = new Set(SAMPLES.map((code) => symbolsOf(code)[position]));
      expect(seen.size).toBe(32);
    }
  });
});

describe("normaliseCertificateCode", () => {
  const body = SAMPLE.slice(4).replaceAll("-", "");

  it.each([
    ["canonical", SAMPLE],
    ["lower case", SAMPLE.toLowerCase()],
    ["no dashes", `SGP${body}`],
    ["no prefix", body],
    ["no prefix, lower case", body.toLowerCase()],
    ["spaces", `  sgp ${body.slice(0, 4)} ${body.slice(4, 8)} ${body.slice(8)} `],
    ["dots", `SGP.${body.slice(0, 4)}.${body.slice(4, 8)}.${body.slice(8)}`],
    ["odd grouping", `${body.slice(0, 3)}-${body.slice(3, 9)} ${body.slice(9)}`],
    ["typographic dash", SAMPLE.replaceAll("-", "\u2013")],
  ])("accepts %s", (_, input) => {
    expect(normaliseCertificateCode(input)).toBe(SAMPLE);
    expect(checkCertificateCode(input)).toEqual({ ok: true, code: SAMPLE });
  });

  it("reads O as 0 and I/L as 1", () => {
    expect(normaliseCertificateCode("SGP-O0o0-IiLl-1O1O")).toBe("SGP-0000-1111-1010");
  });

  it("rejects U and symbols outside the alphabet", () => {
    expect(normaliseCertificateCode("SGP-U000-0000-0000")).toBeNull();
    expect(normaliseCertificateCode("SGP-0000-0000-000*")).toBeNull();
    expect(normaliseCertificateCode("SGP-0000-0000-000_")).toBeNull();
  });

  it.each(["", "SGP", "SGP-0000-0000-000", "SGP-0000-0000-00000", "0000-0000-000", "XYZ-0000-0000-0000"])("rejects the wrong length: %j", (input) => {
    expect(normaliseCertificateCode(input)).toBeNull();
    expect(checkCertificateCode(input)).toEqual({ ok: false, reason: "format" });
  });
});

describe("checkCertificateCode", () => {
  it("accepts look-alikes of a valid code", () => {
    const withZero = SAMPLES.find((code) => code.includes("0") || code.includes("1"))!;
    const typed = withZero.replaceAll("0", "o").replaceAll("1", "l");
    expect(checkCertificateCode(typed)).toEqual({ ok: true, code: withZero });
  });

  it("detects every single-symbol substitution of every sample", () => {
    let checked = 0;
    const missed: string[] = [];
    for (const code of SAMPLES) {
      const symbols = symbolsOf(code);
      for (let i = 0; i < symbols.length; i++) {
        for (const replacement of ALPHABET) {
          if (replacement === symbols[i]) continue;
          const typo = codeOf(put(symbols, i, replacement));
          const result = checkCertificateCode(typo);
          if (result.ok || result.reason !== "checksum") missed.push(typo);
          checked++;
        }
      }
    }
    expect(missed).toEqual([]);
    expect(checked).toBe(SAMPLES.length * 12 * 31);
  });

  it("detects every transposition of two different symbols, adjacent or not", () => {
    let adjacent = 0;
    const missed: string[] = [];
    for (const code of SAMPLES) {
      const symbols = symbolsOf(code);
      for (let i = 0; i < symbols.length; i++) {
        for (let j = i + 1; j < symbols.length; j++) {
          if (symbols[i] === symbols[j]) continue;
          const swapped = codeOf(put(put(symbols, i, symbols[j]), j, symbols[i]));
          const result = checkCertificateCode(swapped);
          if (result.ok || result.reason !== "checksum") missed.push(swapped);
          if (j === i + 1) adjacent++;
        }
      }
    }
    expect(missed).toEqual([]);
    expect(adjacent).toBeGreaterThan(SAMPLES.length * 10);
  });

  it("detects every adjacent transposition exhaustively, at every position", () => {
    // Every pair of distinct symbols, swapped at every adjacent position, on a fixed background.
    const base = symbolsOf(SAMPLE);
    const missed: string[] = [];
    for (let i = 0; i < 11; i++) {
      for (const a of ALPHABET) {
        for (const b of ALPHABET) {
          if (a === b) continue;
          const original = put(put(base, i, a), i + 1, b);
          // Make the original valid by recomputing its check symbol, unless the pair covers it.
          const valid = i + 1 < 11 ? fixCheck(original) : original;
          if (!checkCertificateCode(codeOf(valid)).ok) continue;
          const swapped = put(put(valid, i, valid[i + 1]), i + 1, valid[i]);
          if (checkCertificateCode(codeOf(swapped)).ok) missed.push(codeOf(swapped));
        }
      }
    }
    expect(missed).toEqual([]);
  });
});

function fixCheck(symbols: string[]): string[] {
  for (const c of ALPHABET) {
    const candidate = put(symbols, 11, c);
    if (checkCertificateCode(codeOf(candidate)).ok) return candidate;
  }
  throw new Error("no check symbol makes the code valid");
}
