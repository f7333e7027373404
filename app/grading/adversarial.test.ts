/**
 * Our own adversarial set (tests/fixtures/grader-adversarial.jsonl): replies a trainer wrote
 * to cheat the grader (keyword strings, pasted messages, bribes with a wink, NIKs in words,
 * wrong facts, blame without "you", obfuscated insults…), natural good replies, and tricky
 * cases that must not be flagged (merasakan, lagu, "tidak ada jalur damai", advice not to send
 * data). Each line keeps its label; `kind` says what it tests.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadExercises } from "~/content/exercises.server";
import { gradeReply, turnIdAt } from "./index";

type Row = {
  id: string;
  exercise: string;
  turn: number;
  kind: string;
  reply: string;
  expected_pass: boolean;
  expected_violations?: string[];
  expected_missing?: string[];
};

const FILE = fileURLToPath(new URL("../../tests/fixtures/grader-adversarial.jsonl", import.meta.url));
const rows: Row[] = readFileSync(FILE, "utf8")
  .split("\n")
  .filter((l) => l.trim() !== "")
  .map((l) => JSON.parse(l) as Row);
const exercises = loadExercises(fileURLToPath(new URL("../../content", import.meta.url)));

describe(`adversarial set (${rows.length} replies)`, () => {
  it("covers at least 60 replies over at least 8 exercises, cheats and good replies", () => {
    expect(rows.length).toBeGreaterThanOrEqual(60);
    expect(new Set(rows.map((r) => r.exercise)).size).toBeGreaterThanOrEqual(8);
    expect(rows.filter((r) => r.expected_pass).length).toBeGreaterThanOrEqual(20);
    expect(rows.filter((r) => !r.expected_pass).length).toBeGreaterThanOrEqual(30);
  });

  it.each(rows.map((r) => [`${r.id} ${r.kind}`, r] as const))("%s", (_name, row) => {
    const exercise = exercises.get(row.exercise)!;
    expect(exercise, row.exercise).toBeDefined();
    const g = gradeReply(exercise, turnIdAt(exercise, row.turn)!, row.reply);
    expect({ passed: g.passed, why: [...g.missing, ...g.violations] }).toMatchObject({ passed: row.expected_pass });
    if (row.expected_violations) expect(g.violations).toEqual(expect.arrayContaining(row.expected_violations));
    if (row.expected_missing) expect(g.missing).toEqual(expect.arrayContaining(row.expected_missing));
  });
});
