/**
 * Replies a government agency's social-media team would post (tests/fixtures/agency-replies.tsv, our
 * own writing): empathy built on "rasa", songs ("lagu"), sniffer dogs and wild boars in the news, people
 * with mental illness, film and book titles with "Setan" or "Sinting", zodiac signs, an insult quoted to
 * say it was hidden. None may be flagged for abuse, third-person blame or shouting.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { builtinViolations } from "./corpus";

const FILE = fileURLToPath(new URL("../../tests/fixtures/agency-replies.tsv", import.meta.url));
const REPLIES = readFileSync(FILE, "utf8")
  .split(/\r?\n/)
  .filter((l) => l.trim() !== "" && !l.startsWith("#"));
const TONE = ["abusive", "blame", "shouting"];

describe("agency replies", () => {
  it("has at least 40 replies", () => {
    expect(REPLIES.length).toBeGreaterThanOrEqual(40);
  });

  it("flags none of them for abuse, blame or shouting", () => {
    const flagged = REPLIES.map((r) => ({ reply: r, tone: builtinViolations(r).filter((v) => TONE.includes(v)) })).filter((f) => f.tone.length > 0);
    expect(flagged).toEqual([]);
  });

  // The same words aimed at someone are still abuse: the exemptions above come from their sense, not the word.
  it.each(["dasar anjing pelacak lu", "kamu babi", "Setan!", "dasar orang gila", "kayak monyet kamu"])("still flags %s", (text) => {
    expect(builtinViolations(text)).toContain("abusive");
  });
});
