/**
 * Batch grading: `npm run grade -- --file IN.jsonl [--content DIR]`
 *
 * Input lines:  {"id": "...", "exercise": "<slug>", "turn": 1, "reply": "..."}
 * Output lines: {"id": "...", "passed": true, "score": 0-100, "missing": [...], "violations": [...]}
 * One output line per input line, in order. Every line is checked before anything is
 * printed, so a malformed line or unknown exercise exits non-zero without partial output.
 * `turn` is 1-based (or a turn id string); blank lines are skipped. No database, no server.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { loadExercises } from "../content/exercises.server";
import { gradeReply, turnIdAt, type Exercise } from "../grading/index";

const USAGE = "usage: npm run grade -- --file IN.jsonl [--content CONTENT_DIR]   (--file - reads stdin)";

function fail(message: string, code = 1): never {
  process.stderr.write(`grade: ${message}\n`);
  process.exit(code);
}

function parseArgs(argv: string[]): { file: string; content: string } {
  let file: string | undefined;
  let content = fileURLToPath(new URL("../../content", import.meta.url));
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => argv[++i] ?? fail(`${arg} needs a value\n${USAGE}`, 2);
    if (arg === "--file" || arg === "-f") file = value();
    else if (arg.startsWith("--file=")) file = arg.slice("--file=".length);
    else if (arg === "--content") content = value();
    else if (arg.startsWith("--content=")) content = arg.slice("--content=".length);
    else if (arg === "--help" || arg === "-h") {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    } else fail(`unknown argument: ${arg}\n${USAGE}`, 2);
  }
  if (!file) fail(`--file is required\n${USAGE}`, 2);
  return { file, content };
}

type Job = { id: unknown; exercise: Exercise; turnId: string; reply: string };

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
  const exercise = exercises.get(r.exercise);
  if (!exercise) fail(`line ${lineNo}: unknown exercise "${r.exercise}" (known: ${[...exercises.keys()].join(", ")})`);
  const turn = r.turn ?? 1;
  let turnId: string | undefined;
  if (typeof turn === "number" && Number.isInteger(turn)) turnId = turnIdAt(exercise, turn);
  else if (typeof turn === "string") turnId = exercise.turns.find((t) => t.id === turn)?.id;
  if (!turnId) fail(`line ${lineNo}: exercise "${exercise.slug}" has no turn ${JSON.stringify(turn)} (use 1–${exercise.turns.length} or a turn id)`);
  return { id: r.id, exercise, turnId, reply: r.reply };
}

function main(): void {
  const { file, content } = parseArgs(process.argv.slice(2));
  let input: string;
  try {
    input = readFileSync(file === "-" ? 0 : file, "utf8");
  } catch (e) {
    fail(`cannot read ${file}: ${e instanceof Error ? e.message : String(e)}`);
  }
  let exercises: Map<string, Exercise>;
  try {
    exercises = loadExercises(content);
  } catch (e) {
    fail(e instanceof Error ? e.message : String(e));
  }
  const jobs: Job[] = [];
  input.split(/\r?\n/).forEach((raw, i) => {
    if (raw.trim() !== "") jobs.push(parseLine(raw, i + 1, exercises));
  });
  const out: string[] = [];
  for (const job of jobs) {
    const g = gradeReply(job.exercise, job.turnId, job.reply);
    out.push(JSON.stringify({ id: job.id, passed: g.passed, score: g.score, missing: g.missing, violations: g.violations }));
  }
  process.stdout.write(out.length > 0 ? `${out.join("\n")}\n` : "");
}

main();
