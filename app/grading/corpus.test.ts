/**
 * The style corpus (tests/fixtures/abusive-corpus.tsv, our own writing): the `abusive` check
 * flags abusive lines (plain, misspelled, obfuscated) and spares neutral ones (animals, dishes,
 * praise of a third person, self-deprecation).
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { abusiveCorpusReport, isFlaggedAbusive, parseCorpus } from "./corpus";

const FILE = fileURLToPath(new URL("../../tests/fixtures/abusive-corpus.tsv", import.meta.url));

describe("abusive corpus", () => {
  it("reaches ≥ 85 % recall with ≤ 3 % of neutral lines flagged", () => {
    const lines = parseCorpus(readFileSync(FILE, "utf8"));
    expect(lines.length).toBeGreaterThanOrEqual(100);
    const r = abusiveCorpusReport(lines);
    expect({
      recall: r.recall >= 0.85,
      falseFlags: r.falseFlagRate <= 0.03,
      missed: r.missed.map((m) => m.text),
      flagged: r.falseFlags.map((m) => m.text),
    }).toMatchObject({
      recall: true,
      falseFlags: true,
    });
  });

  it("rejects a line without a label", () => {
    expect(() => parseCorpus("kasar\tdasar")).toThrow(/line 1/);
  });

  it.each(["monyet lu min, jawab yang bener", "pejabatnya babi semua", "pintar sekali, sampai bertanya dua kali", "saya bilang kamu bodoh"])(
    "flags %s",
    (text) => {
      expect(isFlaggedAbusive(text)).toBe(true);
    },
  );

  it.each([
    "rusa di hutan lindung",
    "monyet di taman kota makin banyak",
    "sate babi di warung itu enak",
    "cucu saya pintar sekali menggambar",
    "bodoh juga aku lupa bawa KK",
  ])("spares %s", (text) => {
    expect(isFlaggedAbusive(text)).toBe(false);
  });
});
