/**
 * Grader throughput on one core: `npm run bench:grader [-- rounds [replies-per-round]]`.
 *
 * Every round grades its own set of replies the grader has never seen (tests/bench/grader-replies.ts:
 * seeded recombinations of sentences from all exercises with slang, typos, insults, personal
 * data, bribes, wrong facts…), each reply once, so nothing but word-level memos can be warm;
 * the first round also grades the empty and an absurdly long reply. A warm-up set (again other
 * replies, graded three times) comes first for the JIT. All checks are on (integrity, tone, facts, review).
 * Prints each round, the median of the rounds (at least 3) and their spread, in replies per
 * second of CPU time; exits 1 when the median is under 10,000 replies/s.
 *
 * "On one core": `npm run bench:grader` runs node with V8's `--single-threaded`, so the JIT
 * compiler and the garbage collector work on the grading thread too, as on a one-core machine,
 * and CPU time equals wall time. Without it (plain `tsx`), V8's background compiler and GC
 * threads use a second core while the first rounds run, and their CPU is counted on top: the
 * same build gave medians 10,224–12,661 that way against 12,038–13,242 single-threaded
 * (2026-12-04, idle machine; docs/performance.md, session 9).
 */
import { fileURLToPath } from "node:url";
import { loadExercises } from "../../app/content/exercises.server";
import { gradeReply } from "../../app/grading/index";
import { generateReplies, type ReplyJob } from "./grader-replies";

const TARGET_PER_SECOND = 10_000;
const singleThreaded = process.execArgv.includes("--single-threaded");
const WARM_UP_PASSES = 3;
const rounds = Math.max(3, Number(process.argv[2] ?? 5));
const perRound = Math.max(1000, Number(process.argv[3] ?? 8000));

const exercises = [...loadExercises(fileURLToPath(new URL("../../content", import.meta.url))).values()];
if (exercises.length === 0) {
  console.log("no exercises found; nothing to benchmark");
  process.exit(0);
}

// Unseen means unseen: no reply of one set appears in another.
const seen = new Set<string>();
const warmUp = generateReplies(exercises, 8000, 0x5167a9, seen);
const sets: ReplyJob[][] = [];
for (let r = 0; r < rounds; r++) sets.push(generateReplies(exercises, perRound, 0x9e3779b1 + r * 7919, seen));
const hoax = exercises.find((e) => e.slug === "wa-hoaks-blanko") ?? exercises[0]!;
sets[0]!.push({ exercise: hoax, turnId: hoax.turns[0]!.id, reply: "" });
sets[0]!.push({ exercise: hoax, turnId: hoax.turns[0]!.id, reply: "Selamat siang Bu, itu hoaks. ".repeat(120) });

/** Grades every reply of the set once; CPU time is what the process spent (one thread grades). */
function run(jobs: readonly ReplyJob[]): { perCpu: number; perWall: number; cpuMs: number } {
  const cpu0 = process.cpuUsage();
  const start = performance.now();
  for (const j of jobs) gradeReply(j.exercise, j.turnId, j.reply);
  const wallMs = performance.now() - start;
  const cpu = process.cpuUsage(cpu0);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  return { perCpu: Math.round((jobs.length / cpuMs) * 1000), perWall: Math.round((jobs.length / wallMs) * 1000), cpuMs };
}

// The JIT needs more than one pass to settle: on one 8,000-reply set, passes ran at ≈ 4.3k, 8.7k and
// 13.5k replies/s. A server grades for hours, so the figure that matters is the settled one; the
// warm-up set is graded three times and none of its replies is in a measured set.
for (let pass = 0; pass < WARM_UP_PASSES; pass++) run(warmUp);
const chars = sets.flat().reduce((n, j) => n + j.reply.length, 0);
console.log(
  `grader bench: ${rounds} rounds of ${perRound} unseen replies (avg ${Math.round(chars / (rounds * perRound))} chars, none shared between sets) over ${exercises.length} exercises, after a warm-up of ${WARM_UP_PASSES} × ${warmUp.length} others; ${singleThreaded ? "one thread (V8 --single-threaded: JIT and GC on the grading thread)" : "V8 helper threads on (their CPU counted too; npm run bench:grader runs --single-threaded)"}`,
);
const results = sets.map((set, i) => {
  const r = run(set);
  console.log(`  round ${i + 1}: ${r.perCpu} replies/s per core (CPU time), ${r.perWall} replies/s wall clock, ${(r.cpuMs / 1000).toFixed(2)} s CPU`);
  return r;
});
const sorted = results.map((r) => r.perCpu).sort((a, b) => a - b);
const median = sorted[Math.floor(sorted.length / 2)]!;
const spread = Math.round((100 * (sorted[sorted.length - 1]! - sorted[0]!)) / median);
const ok = median >= TARGET_PER_SECOND;
console.log(
  `median ${median} replies/s per core (CPU time), spread ${sorted[0]}–${sorted[sorted.length - 1]} (${spread} % of the median) — target ${TARGET_PER_SECOND}/s: ${ok ? "OK" : "BELOW TARGET"}`,
);
if (!ok) process.exit(1);
