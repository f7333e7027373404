/**
 * Determinism across grader changes: the same grader version grades the same reply to the same
 * exercise byte-identically. tests/fixtures/grader-golden.jsonl holds replies (the dev set, our
 * adversarial set and generated unseen replies) with a hash of each grade's JSON; a speed-up
 * must leave every hash as it was. Rows whose exercise changed since (content edits) are skipped.
 * After a deliberate change of grading (with a GRADER_VERSION bump), rewrite the file:
 *   UPDATE_GOLDEN=1 npx vitest run --config tests/vitest.config.ts app/grading/golden.test.ts
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadExercises } from "~/content/exercises.server";
import { generateReplies } from "../../tests/bench/grader-replies";
import { gradeReply, turnIdAt, type Exercise } from "./index";
import { GRADER_VERSION } from "./version";

const GOLDEN = fileURLToPath(new URL("../../tests/fixtures/grader-golden.jsonl", import.meta.url));
const DEV_SET = fileURLToPath(new URL("../../../shared/data/grader-dev.jsonl", import.meta.url));
const ADVERSARIAL = fileURLToPath(new URL("../../tests/fixtures/grader-adversarial.jsonl", import.meta.url));
const GENERATED = 400;
const SEED = 0x601d;

type Row = { source: string; exercise: string; turn: string; reply: string; exerciseHash: string; graderVersion: string; grade: string };

const exercises = loadExercises(fileURLToPath(new URL("../../content", import.meta.url)));
const sha = (s: string) => createHash("sha256").update(s).digest("hex").slice(0, 24);
const exerciseHashes = new Map<Exercise, string>();
const exerciseHash = (e: Exercise) => {
  let h = exerciseHashes.get(e);
  if (h === undefined) exerciseHashes.set(e, (h = sha(JSON.stringify(e))));
  return h;
};
const gradeHash = (e: Exercise, turn: string, reply: string) => sha(JSON.stringify(gradeReply(e, turn, reply)));

function readJsonl<T>(file: string): T[] {
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as T);
}

function currentRows(): Row[] {
  const rows: Row[] = [];
  const add = (source: string, e: Exercise | undefined, turn: string | undefined, reply: string) => {
    if (!e || !turn) return;
    rows.push({ source, exercise: e.slug, turn, reply, exerciseHash: exerciseHash(e), graderVersion: GRADER_VERSION, grade: gradeHash(e, turn, reply) });
  };
  type Labelled = { id: string; exercise: string; turn?: number | string; reply: string };
  const labelled = (file: string, name: string) => {
    for (const r of readJsonl<Labelled>(file)) {
      const e = exercises.get(r.exercise);
      add(`${name}:${r.id}`, e, e && (typeof r.turn === "string" ? r.turn : turnIdAt(e, r.turn ?? 1)), r.reply);
    }
  };
  if (existsSync(DEV_SET)) labelled(DEV_SET, "dev");
  labelled(ADVERSARIAL, "adversarial");
  generateReplies([...exercises.values()], GENERATED, SEED).forEach((j, i) => add(`generated:${i}`, j.exercise, j.turnId, j.reply));
  return rows;
}

describe("grades are byte-identical for the same grader version", () => {
  if (process.env.UPDATE_GOLDEN) {
    it("rewrites the snapshot", () => {
      const rows = currentRows();
      writeFileSync(GOLDEN, rows.map((r) => JSON.stringify(r)).join("\n") + "\n");
      expect(rows.length).toBeGreaterThan(GENERATED);
    });
    return;
  }
  const rows = readJsonl<Row>(GOLDEN);
  it("the snapshot was taken with this grader version (rewrite it after a deliberate change)", () => {
    expect(new Set(rows.map((r) => r.graderVersion))).toEqual(new Set([GRADER_VERSION]));
  });
  it(`every reply of the snapshot (${rows.length}) whose exercise is unchanged grades as recorded`, () => {
    const changed: string[] = [];
    let compared = 0;
    for (const r of rows) {
      const e = exercises.get(r.exercise);
      if (!e || exerciseHash(e) !== r.exerciseHash) continue;
      compared++;
      if (gradeHash(e, r.turn, r.reply) !== r.grade) changed.push(`${r.source} ${r.exercise}#${r.turn}: ${r.reply.slice(0, 80)}`);
    }
    expect(changed).toEqual([]);
    expect(compared).toBeGreaterThan(0);
  });
});
