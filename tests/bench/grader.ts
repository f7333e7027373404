/**
 * Grader throughput on one core: `npx tsx tests/bench/grader.ts [seconds]`.
 * Grades a mix of good, bad, slangy, long and empty replies over the canonical exercises,
 * after a warm-up, and prints replies graded per second (target ≥ 10,000/s).
 */
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { loadExercises } from "../../app/content/exercises.server";
import { gradeReply, type Exercise } from "../../app/grading/index";

const TARGET_PER_SECOND = 10_000;
const seconds = Number(process.argv[2] ?? 3);

const exercises = loadExercises(fileURLToPath(new URL("../../content", import.meta.url)));
type Job = { exercise: Exercise; turnId: string; reply: string };
const jobs: Job[] = [];
const add = (slug: string, turn: number, reply: string) => {
  const exercise = exercises.get(slug);
  if (exercise) jobs.push({ exercise, turnId: exercise.turns[turn - 1].id, reply });
};

// Replies from the model answers and examples of every exercise (including later turns).
for (const ex of exercises.values()) {
  ex.turns.forEach((t, i) => add(ex.slug, i + 1, t.modelAnswer));
  for (const e of ex.examples) jobs.push({ exercise: ex, turnId: e.turn, reply: e.reply });
}
// The dev set, when it is there.
const devSet = fileURLToPath(new URL("../../../shared/data/grader-dev.jsonl", import.meta.url));
if (existsSync(devSet)) {
  for (const line of readFileSync(devSet, "utf8").split("\n").filter(Boolean)) {
    const row = JSON.parse(line) as { exercise: string; turn: number; reply: string };
    add(row.exercise, row.turn, row.reply);
  }
}
// Slang, typos, shouting, personal data, empty and absurdly long replies.
add("dm-syarat-ktp", 1, "mlm kak, syaratnya cm KK aja, gratiss ga bayar, dtg lgsg ke kec utk rekam yaa 🙏");
add("dm-syarat-ktp", 1, "SELAMAT MALAM KAK!!! SYARATNYA KK, DATANG KE KECAMATAN!!!");
add("komentar-nik-publik", 1, "Maaf pak, NIK 1601 2345 6789 0001 sudah kami cek, silakan DM dan hapus komentarnya.");
add("wa-hoaks-blanko", 1, "Iya bu benar blanko habis, kalau mau cepat lewat orang dalam aja, bayar 100rb.");
add("wa-hoaks-blanko", 1, "");
add("wa-hoaks-blanko", 1, "Selamat siang Bu, itu hoaks. ".repeat(120));

if (jobs.length === 0) {
  console.log("no exercises found; nothing to benchmark");
  process.exit(0);
}

/** Grades the mix repeatedly for `budgetMs` of wall time; CPU time is what one core spent. */
function run(budgetMs: number): { graded: number; wallMs: number; cpuMs: number } {
  let graded = 0;
  const cpu0 = process.cpuUsage();
  const start = performance.now();
  let now = start;
  while (now - start < budgetMs) {
    for (const j of jobs) gradeReply(j.exercise, j.turnId, j.reply);
    graded += jobs.length;
    now = performance.now();
  }
  const cpu = process.cpuUsage(cpu0);
  return { graded, wallMs: now - start, cpuMs: (cpu.user + cpu.system) / 1000 };
}

run(500); // warm-up: JIT, compiled-rubric cache, stem memo
const { graded, wallMs, cpuMs } = run(seconds * 1000);
// Node grades on one thread; CPU time keeps the figure honest on a busy machine.
const perCpuSecond = Math.round((graded / cpuMs) * 1000);
const perWallSecond = Math.round((graded / wallMs) * 1000);
const chars = jobs.reduce((n, j) => n + j.reply.length, 0);
console.log(`grader bench: ${jobs.length} distinct replies (avg ${Math.round(chars / jobs.length)} chars) over ${exercises.size} exercises`);
console.log(`graded ${graded} replies in ${(wallMs / 1000).toFixed(2)} s wall, ${(cpuMs / 1000).toFixed(2)} s CPU`);
console.log(`${perCpuSecond} replies/s per core (CPU time), ${perWallSecond} replies/s wall clock — target ${TARGET_PER_SECOND}/s: ${perCpuSecond >= TARGET_PER_SECOND ? "OK" : "BELOW TARGET"}`);
