/**
 * Grader throughput on one core: `npm run bench:grader [-- seconds]`.
 *
 * Grades replies the grader has never seen: thousands are generated deterministically (seeded)
 * from every exercise's model answers, examples and citizen messages, cut into sentences and
 * recombined with greetings, slang, typos, elongations, emoji, shouting, personal data, insults
 * in plain and obfuscated spellings, bribes, wrong facts and keyword lists; plus the dev set and
 * a few very long and empty replies. All checks are on (integrity, tone, facts, review).
 * Prints replies graded per second of CPU time and exits 1 under 10,000 replies/s.
 */
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { loadExercises } from "../../app/content/exercises.server";
import { gradeReply, type Exercise } from "../../app/grading/index";

const TARGET_PER_SECOND = 10_000;
const GENERATED = 4_000;
const seconds = Number(process.argv[2] ?? 3);

const exercises = loadExercises(fileURLToPath(new URL("../../content", import.meta.url)));
type Job = { exercise: Exercise; turnId: string; reply: string };
const jobs: Job[] = [];

// mulberry32: a tiny seeded PRNG, so every run grades the same replies.
let seed = 0x5167a9;
function random(): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
const chance = (p: number) => random() < p;

const GREETINGS = [
  "Selamat malam Kak",
  "Halo kak",
  "Pagi Pak",
  "Selamat siang Bu",
  "Assalamualaikum Bu",
  "Hai kak",
  "Malam min",
  "Siang Pak",
  "Terima kasih sudah bertanya, Kak",
  "mlm kak",
  "Slmt pagi bu",
  "",
];
const CLOSINGS = ["Semoga membantu 🙏", "Terima kasih.", "Salam sehat.", "Ada lagi yang bisa kami bantu?", "makasih yaa", "😊", "Tks.", ""];
const NOISE = [
  "Gitu aja kok nggak paham.",
  "Dasar g0bl0k.",
  "NIK 1601/2345/6789/0001 sudah kami cek.",
  "Kalau mau cepat ada jalur damai 😉",
  "Bawa juga surat domisili ya.",
  "Biayanya 50 ribu di loket.",
  "Kantor buka hari Minggu kok.",
  "Besok pasti jadi.",
  "Banyak warga salah isi formulir, makanya lama.",
  "wkwkwk",
  "SEGERA DATANG KE KANTOR!!!",
  "Jangan kirim foto KK lewat chat ya.",
  "Hubungi nol delapan satu dua tiga empat lima enam tujuh delapan.",
  "(semua kata kunci sudah ada)",
  "Mohon maaf atas ketidaknyamanannya.",
  "Kami cek dulu ya.",
];
const SLANG: Array<[RegExp, string]> = [
  [/\byang\b/g, "yg"],
  [/\btidak\b/g, "gak"],
  [/\bsaja\b/g, "aja"],
  [/\bsudah\b/g, "udah"],
  [/\bterima kasih\b/gi, "makasih"],
  [/\bdatang\b/g, "dtg"],
  [/\buntuk\b/g, "utk"],
  [/\bKartu Keluarga\b/g, "KK"],
];

function sentencesOf(text: string): string[] {
  return text.split(/(?<=[.!?])\s+/).filter((s) => s.trim().length > 0);
}

function mutateWord(w: string): string {
  if (w.length < 4 || !/^[a-z]+$/i.test(w)) return w;
  const r = random();
  const i = 1 + Math.floor(random() * (w.length - 2));
  if (r < 0.3) return w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2); // swap
  if (r < 0.55) return w.slice(0, i) + w.slice(i + 1); // drop
  if (r < 0.8) return w + w[w.length - 1]!.repeat(2); // elongate
  return w.toUpperCase();
}

function generate(ex: Exercise, turnIndex: number): string {
  const turn = ex.turns[turnIndex]!;
  const pool = [turn.modelAnswer, ...ex.examples.filter((e) => e.turn === turn.id).map((e) => e.reply)].flatMap(sentencesOf);
  const parts: string[] = [];
  if (chance(0.8)) parts.push(pick(GREETINGS) + pick([",", ".", " 🙏", "!", ""]));
  const n = 1 + Math.floor(random() * 4);
  for (let i = 0; i < n; i++) parts.push(pick(pool));
  if (chance(0.35)) parts.splice(1 + Math.floor(random() * parts.length), 0, pick(NOISE));
  if (chance(0.15)) parts.push(turn.message);
  if (chance(0.7)) parts.push(pick(CLOSINGS));
  let reply = parts.join(" ");
  if (chance(0.5)) for (const [re, to] of SLANG) if (chance(0.5)) reply = reply.replace(re, to);
  if (chance(0.5))
    reply = reply
      .split(" ")
      .map((w) => (chance(0.06) ? mutateWord(w) : w))
      .join(" ");
  if (chance(0.05)) reply = reply.toUpperCase();
  if (chance(0.05)) reply = reply.replace(/[.,]/g, "");
  return reply;
}

const all = [...exercises.values()];
const seen = new Set<string>();
for (let attempts = 0; jobs.length < GENERATED && attempts < GENERATED * 5; attempts++) {
  const ex = pick(all);
  const ti = Math.floor(random() * ex.turns.length);
  const reply = generate(ex, ti);
  const key = `${ex.slug}\u0000${reply}`;
  if (seen.has(key)) continue;
  seen.add(key);
  jobs.push({ exercise: ex, turnId: ex.turns[ti]!.id, reply });
}
// The dev set, when it is there, and the extremes: empty and absurdly long.
const devSet = fileURLToPath(new URL("../../../shared/data/grader-dev.jsonl", import.meta.url));
if (existsSync(devSet)) {
  for (const line of readFileSync(devSet, "utf8").split("\n").filter(Boolean)) {
    const row = JSON.parse(line) as { exercise: string; turn: number; reply: string };
    const ex = exercises.get(row.exercise);
    if (ex) jobs.push({ exercise: ex, turnId: ex.turns[(row.turn ?? 1) - 1]!.id, reply: row.reply });
  }
}
const hoax = exercises.get("wa-hoaks-blanko");
if (hoax) {
  jobs.push({ exercise: hoax, turnId: hoax.turns[0]!.id, reply: "" });
  jobs.push({ exercise: hoax, turnId: hoax.turns[0]!.id, reply: "Selamat siang Bu, itu hoaks. ".repeat(120) });
}

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
  let i = 0;
  while (now - start < budgetMs) {
    for (let k = 0; k < 200; k++) {
      const j = jobs[i]!;
      gradeReply(j.exercise, j.turnId, j.reply);
      i = (i + 1) % jobs.length;
    }
    graded += 200;
    now = performance.now();
  }
  const cpu = process.cpuUsage(cpu0);
  return { graded, wallMs: now - start, cpuMs: (cpu.user + cpu.system) / 1000 };
}

run(500); // warm-up: JIT, compiled-rubric cache, word memos (the first 500 ms only: most replies stay unseen)
const { graded, wallMs, cpuMs } = run(seconds * 1000);
// Node grades on one thread; CPU time keeps the figure honest on a busy machine.
const perCpuSecond = Math.round((graded / cpuMs) * 1000);
const perWallSecond = Math.round((graded / wallMs) * 1000);
const chars = jobs.reduce((n, j) => n + j.reply.length, 0);
const ok = perCpuSecond >= TARGET_PER_SECOND;
console.log(
  `grader bench: ${jobs.length} distinct replies (${GENERATED} generated, avg ${Math.round(chars / jobs.length)} chars) over ${exercises.size} exercises`,
);
console.log(`graded ${graded} replies in ${(wallMs / 1000).toFixed(2)} s wall, ${(cpuMs / 1000).toFixed(2)} s CPU`);
console.log(
  `${perCpuSecond} replies/s per core (CPU time), ${perWallSecond} replies/s wall clock — target ${TARGET_PER_SECOND}/s: ${ok ? "OK" : "BELOW TARGET"}`,
);
if (!ok) process.exit(1);
