/**
 * The labelled dev set in shared/data (beside the repo, also in CI's clone) must be graded as
 * labelled, and the canonical exercises' own frontmatter examples must hold.
 */
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadExercises } from "~/content/exercises.server";
import { checkExamples, gradeReply, turnIdAt } from "./index";

const DEV_SET = fileURLToPath(new URL("../../../shared/data/grader-dev.jsonl", import.meta.url));
const CONTENT = fileURLToPath(new URL("../../content", import.meta.url));
const CANONICAL = ["dm-syarat-ktp", "komentar-nik-publik", "wa-hoaks-blanko"];

type Row = {
  id: string;
  exercise: string;
  turn?: number | string;
  reply: string;
  expected_pass: boolean;
  expected_missing?: string[];
  expected_violations?: string[];
};

const exercises = loadExercises(CONTENT);

describe("canonical exercises", () => {
  it.each(CANONICAL)("%s is loaded from content/", (slug) => {
    expect(exercises.get(slug)?.kind).toBe("dm");
  });

  it.each(CANONICAL)("%s grades its frontmatter examples as labelled", (slug) => {
    const exercise = exercises.get(slug)!;
    const problems = checkExamples(exercise).flatMap((c) => c.problems.map((p) => `${c.example.reply} → ${p}`));
    expect(problems).toEqual([]);
  });

  it.each(CANONICAL)("%s passes its own model answers", (slug) => {
    const exercise = exercises.get(slug)!;
    for (const turn of exercise.turns) {
      const g = gradeReply(exercise, turn.id, turn.modelAnswer);
      expect({ turn: turn.id, missing: g.missing, violations: g.violations }).toEqual({ turn: turn.id, missing: [], violations: [] });
    }
  });
});

const present = existsSync(DEV_SET);
const rows: Row[] = present
  ? readFileSync(DEV_SET, "utf8")
      .split("\n")
      .filter((l) => l.trim() !== "")
      .map((l) => JSON.parse(l) as Row)
  : [];

describe.skipIf(!present)(present ? `dev set (${rows.length} labelled replies)` : `dev set skipped: ${DEV_SET} not found`, () => {
  it.each(rows.map((r) => [r.id, r] as const))("%s is graded as labelled", (_id, row) => {
    const exercise = exercises.get(row.exercise);
    expect(exercise, `unknown exercise ${row.exercise}`).toBeDefined();
    const turnId = typeof row.turn === "string" ? row.turn : turnIdAt(exercise!, row.turn ?? 1)!;
    const g = gradeReply(exercise!, turnId, row.reply);
    expect({ passed: g.passed, why: [...g.missing, ...g.violations] }).toMatchObject({ passed: row.expected_pass });
    if (row.expected_missing) expect(g.missing).toEqual(expect.arrayContaining(row.expected_missing));
    if (row.expected_violations) expect(g.violations).toEqual(expect.arrayContaining(row.expected_violations));
  });
});
