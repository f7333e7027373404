/**
 * Batch grading: `npm run grade -- --file IN.jsonl [--content DIR]`
 * Style corpus:  `npm run grade -- --corpus LABELLED.tsv` (abusive recall, neutral false flags)
 * Fact readout:  `npm run grade -- --explain --file IN.jsonl` or
 *                `npm run grade -- --explain --exercise SLUG [--turn 1] --reply "…"`
 *                prints, per reply, the grade, the review reasons and what the grader thinks
 *                the reply claims per fact slot (documents, fees, durations, days, times, places…).
 *
 * Input lines:  {"id": "...", "exercise": "<slug>", "turn": 1, "reply": "..."}
 *               (a post rewrite's slug grades the whole post: caption plus "Teks alternatif:" paragraph; no turn)
 * Output lines: {"id": "...", "passed": true, "score": 0-100, "missing": [...], "violations": [...]}
 * One output line per input line, in order. Every line is checked before anything is
 * printed, so a malformed line or unknown exercise exits non-zero without partial output.
 * `turn` is 1-based (or a turn id string); blank lines are skipped. No database, no server.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { loadExercises } from "../content/exercises.server";
import { loadPosts } from "../content/posts.server";
import { gradePost, postViolationIds, type PostExercise } from "../grading/post";
import { gradeReply, turnIdAt, BUILTIN_IDS, type Exercise, type TurnGrade } from "../grading/index";
import { agreementReport, expectedElements, type LabelledGrade } from "../grading/agreement";
import { abusiveCorpusReport, parseCorpus, type CorpusLine } from "../grading/corpus";

const USAGE = [
  "usage: npm run grade -- --file IN.jsonl [--content CONTENT_DIR]   (--file - reads stdin)",
  "       npm run grade -- --explain (--file IN.jsonl | --exercise SLUG [--turn N] --reply TEXT)",
  "       npm run grade -- --agreement LABELLED.jsonl",
  "       npm run grade -- --corpus LABELLED.tsv   (abusive<TAB>text / neutral<TAB>text per line, or a tweet corpus CSV: Label,Tweet or Tweet,…,Abusive)",
].join("\n");

function fail(message: string, code = 1): never {
  process.stderr.write(`grade: ${message}\n`);
  process.exit(code);
}

type Args = { file?: string; content: string; explain: boolean; agreement?: string; corpus?: string; exercise?: string; turn: string; reply?: string };

function parseArgs(argv: string[]): Args {
  let file: string | undefined;
  let content = fileURLToPath(new URL("../../content", import.meta.url));
  const a: Omit<Args, "file" | "content"> = { explain: false, turn: "1" };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => argv[++i] ?? fail(`${arg} needs a value\n${USAGE}`, 2);
    if (arg === "--explain") a.explain = true;
    else if (arg === "--agreement") a.agreement = value();
    else if (arg === "--corpus") a.corpus = value();
    else if (arg === "--exercise") a.exercise = value();
    else if (arg === "--turn") a.turn = value();
    else if (arg === "--reply") a.reply = value();
    else if (arg === "--file" || arg === "-f") file = value();
    else if (arg.startsWith("--file=")) file = arg.slice("--file=".length);
    else if (arg === "--content") content = value();
    else if (arg.startsWith("--content=")) content = arg.slice("--content=".length);
    else if (arg === "--help" || arg === "-h") {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    } else fail(`unknown argument: ${arg}\n${USAGE}`, 2);
  }
  if (!file && !a.agreement && !a.corpus && !(a.explain && a.exercise && a.reply !== undefined)) fail(`--file is required\n${USAGE}`, 2);
  return { file, content, ...a };
}

type Job = { id: unknown; exercise: Exercise; turnId: string; reply: string; post?: PostExercise };

/** Post rewrites (`kind: post`) are graded whole: their lines carry no turn. */
let posts: Map<string, PostExercise> | null = null;
const gradeJob = (job: Job): TurnGrade => (job.post ? gradePost(job.post, job.reply) : gradeReply(job.exercise, job.turnId, job.reply));

function parseLine(raw: string, lineNo: number, exercises: Map<string, Exercise>): Job {
  let row: unknown;
  try {
    row = JSON.parse(raw);
  } catch (e) {
    fail(`line ${lineNo}: invalid JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  if (typeof row !== "object" || row === null || Array.isArray(row)) fail(`line ${lineNo}: expected a JSON object`);
  const r = row as Record<string, unknown>;
  if (typeof r.id !== "string" && typeof r.id !== "number") fail(`line ${lineNo}: "id" must be a string or number`);
  if (typeof r.exercise !== "string") fail(`line ${lineNo}: "exercise" must be a string`);
  if (typeof r.reply !== "string") fail(`line ${lineNo}: "reply" must be a string`);
  const post = posts?.get(r.exercise);
  if (post) return { id: r.id, exercise: post.exercise, turnId: "unggahan", reply: r.reply, post };
  const exercise = exercises.get(r.exercise);
  if (!exercise) fail(`line ${lineNo}: unknown exercise "${r.exercise}" (known: ${[...exercises.keys()].join(", ")})`);
  const turn = r.turn ?? 1;
  let turnId: string | undefined;
  if (typeof turn === "number" && Number.isInteger(turn)) turnId = turnIdAt(exercise, turn);
  else if (typeof turn === "string") turnId = exercise.turns.find((t) => t.id === turn)?.id;
  if (!turnId) fail(`line ${lineNo}: exercise "${exercise.slug}" has no turn ${JSON.stringify(turn)} (use 1–${exercise.turns.length} or a turn id)`);
  return { id: r.id, exercise, turnId, reply: r.reply };
}

/** Human-readable grade plus the fact-slot reading, for authors. */
function explain(id: unknown, g: TurnGrade, reply: string): string {
  const lines = [`${String(id)}: ${g.passed ? "LULUS" : "TIDAK LULUS"} (${g.score}) — ${reply.length > 100 ? `${reply.slice(0, 100)}…` : reply}`];
  if (g.missing.length) lines.push(`  kurang: ${g.missing.join(", ")}`);
  for (const v of g.violated)
    lines.push(`  pelanggaran ${v.id}: ${v.evidence.map((e) => `«${e.text}»`).join(" ")}${v.messages ? ` — ${v.messages.join(" | ")}` : ""}`);
  if (g.review.length) lines.push(`  tinjauan: ${g.review.join(", ")}`);
  for (const n of g.notes) lines.push(`  catatan ${n.id}: ${n.message}`);
  if (g.facts.length === 0) lines.push("  fakta: (tidak ada klaim terbaca)");
  for (const c of g.facts) {
    lines.push(
      `  fakta ${c.slot.padEnd(10)} ${c.value.padEnd(16)} ${c.stance.padEnd(12)} ${c.verdict}${c.certain ? " (pasti)" : ""} «${c.evidence.text}»${c.message ? ` — ${c.message}` : ""}`,
    );
  }
  return lines.join("\n");
}

/** Abusive recall and neutral false-flag rate on a labelled corpus (see app/grading/corpus.ts). */
function runCorpus(file: string): void {
  let lines: CorpusLine[];
  try {
    lines = parseCorpus(readFileSync(file, "utf8"));
  } catch (e) {
    fail(`cannot read ${file}: ${e instanceof Error ? e.message : String(e)}`);
  }
  const r = abusiveCorpusReport(lines);
  const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
  for (const m of r.missed) process.stdout.write(`missed (abusive, line ${m.line}): ${m.text}\n`);
  for (const m of r.falseFlags) process.stdout.write(`false flag (neutral, line ${m.line}) [${m.evidence.join(" | ")}]: ${m.text}\n`);
  process.stdout.write(
    `abusive recall ${pct(r.recall)} (${r.abusive - r.missed.length}/${r.abusive}), neutral flagged ${pct(r.falseFlagRate)} (${r.falseFlags.length}/${r.neutral}) — targets ≥ 85 % and ≤ 3 %\n`,
  );
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const { content } = args;
  if (args.agreement) return runAgreement(args.agreement, content);
  if (args.corpus) return runCorpus(args.corpus);
  if (args.explain && args.exercise && args.reply !== undefined) {
    const exercises = loadOrFail(content);
    const job = parseLine(
      JSON.stringify({ id: "reply", exercise: args.exercise, turn: /^\d+$/.test(args.turn) ? Number(args.turn) : args.turn, reply: args.reply }),
      1,
      exercises,
    );
    process.stdout.write(`${explain(job.id, gradeJob(job), job.reply)}\n`);
    return;
  }
  const file = args.file!;
  let input: string;
  try {
    input = readFileSync(file === "-" ? 0 : file, "utf8");
  } catch (e) {
    fail(`cannot read ${file}: ${e instanceof Error ? e.message : String(e)}`);
  }
  const exercises = loadOrFail(content);
  const jobs: Job[] = [];
  input.split(/\r?\n/).forEach((raw, i) => {
    if (raw.trim() !== "") jobs.push(parseLine(raw, i + 1, exercises));
  });
  const out: string[] = [];
  for (const job of jobs) {
    const g = gradeJob(job);
    out.push(
      args.explain
        ? explain(job.id, g, job.reply)
        : JSON.stringify({ id: job.id, passed: g.passed, score: g.score, missing: g.missing, violations: g.violations }),
    );
  }
  process.stdout.write(out.length > 0 ? `${out.join("\n")}\n` : "");
}

function loadOrFail(content: string): Map<string, Exercise> {
  try {
    posts = loadPosts(content);
    return loadExercises(content);
  } catch (e) {
    fail(e instanceof Error ? e.message : String(e));
  }
}

type LabelledRow = {
  id?: unknown;
  exercise: string;
  turn?: number | string;
  reply: string;
  expected_pass: boolean;
  expected_missing?: string[];
  expected_violations?: string[];
  criteria?: Record<string, boolean>;
};

const pct = (x: number) => `${(100 * x).toFixed(1)} %`;

/**
 * `--agreement FILE.jsonl`: lines {exercise, turn, reply, expected_pass, [expected_missing],
 * [expected_violations], [criteria]}. Prints agreement, Cohen's kappa, the confusion table,
 * per-exercise and per-criterion agreement and the element that disagrees most.
 */
function runAgreement(file: string, content: string): void {
  let input: string;
  try {
    input = readFileSync(file === "-" ? 0 : file, "utf8");
  } catch (e) {
    fail(`cannot read ${file}: ${e instanceof Error ? e.message : String(e)}`);
  }
  const exercises = loadOrFail(content);
  const rows: LabelledGrade[] = [];
  const disagreements: string[] = [];
  input.split(/\r?\n/).forEach((raw, i) => {
    if (raw.trim() === "") return;
    const job = parseLine(JSON.stringify({ id: i + 1, ...(JSON.parse(raw) as object) }), i + 1, exercises);
    const row = JSON.parse(raw) as LabelledRow;
    if (typeof row.expected_pass !== "boolean") fail(`line ${i + 1}: "expected_pass" must be true or false`);
    const g = gradeJob(job);
    const turn = job.exercise.turns.find((t) => t.id === job.turnId)!;
    const required = job.post ? job.post.elements.map((e) => e.id) : turn.rubric.required.map((r) => r.id);
    const violationIds = job.post ? postViolationIds(job.post) : [...new Set([...turn.rubric.violations.map((v) => v.id), ...BUILTIN_IDS])];
    const actual: Record<string, boolean> = {};
    for (const id of required) actual[id] = g.met.some((m) => m.id === id);
    for (const id of violationIds) actual[id] = g.violations.includes(id);
    rows.push({
      exercise: job.exercise.slug,
      turn: job.turnId,
      expectedPass: row.expected_pass,
      actualPass: g.passed,
      expected: expectedElements(
        row,
        required,
        turn.rubric.violations.map((v) => v.id),
      ),
      actual,
    });
    if (row.expected_pass !== g.passed) {
      disagreements.push(
        `  ${String(row.id ?? i + 1)} (${job.exercise.slug}/${job.turnId}): label ${row.expected_pass ? "lulus" : "tidak lulus"}, grader ${g.passed ? "lulus" : "tidak lulus"} [${[...g.missing, ...g.violations].join(", ")}]`,
      );
    }
  });
  const r = agreementReport(rows);
  const c = r.confusion;
  const out = [
    `labelled replies: ${r.n}`,
    `agreement: ${pct(r.agreement)}   Cohen's kappa: ${r.kappa.toFixed(3)}`,
    "",
    "confusion (rows: label, columns: grader)",
    "                 grader lulus   grader tidak",
    `label lulus      ${String(c.truePass).padStart(12)}   ${String(c.falseFail).padStart(12)}`,
    `label tidak      ${String(c.falsePass).padStart(12)}   ${String(c.trueFail).padStart(12)}`,
    "",
    "per exercise",
    ...r.perExercise.map((e) => `  ${e.exercise.padEnd(34)} n=${String(e.n).padStart(4)}  ${pct(e.agreement).padStart(8)}  kappa ${e.kappa.toFixed(3)}`),
    "",
    "per criterion (labelled elements only)",
    ...r.perCriterion.map((k) => `  ${k.id.padEnd(46)} n=${String(k.labelled).padStart(4)}  ${pct(k.agreement).padStart(8)}  kappa ${k.kappa.toFixed(3)}`),
    "",
    r.mostDisagreed
      ? `most disagreement: ${r.mostDisagreed.id} (${r.mostDisagreed.labelled - r.mostDisagreed.agreed} of ${r.mostDisagreed.labelled} labelled)`
      : "most disagreement: none",
    ...(disagreements.length > 0 ? ["", "pass/fail disagreements", ...disagreements] : []),
  ];
  process.stdout.write(`${out.join("\n")}\n`);
}

main();
