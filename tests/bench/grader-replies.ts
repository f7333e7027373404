/**
 * Replies the grader has never seen, generated deterministically (seeded) for the grader bench
 * and the determinism snapshot: sentences of every exercise's model answers, examples and
 * citizen messages, cut apart, shuffled and recombined (mostly from the exercise being answered,
 * some from other exercises), with greetings, slang, typos, elongations, emoji, shouting,
 * personal data, insults in plain and obfuscated spellings, bribes, wrong facts and keyword lists.
 * The same seed gives the same replies; different seeds give different replies.
 */
import type { Exercise } from "../../app/grading/index";

export type ReplyJob = { exercise: Exercise; turnId: string; reply: string };

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

/** mulberry32: a tiny seeded PRNG. */
function prng(seed: number): () => number {
  let s = seed | 0;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `count` distinct replies over `exercises`, the same for the same seed. Replies already in
 * `seen` (keys added as it goes: slug NUL reply) are skipped, so several sets never share one.
 */
export function generateReplies(exercises: readonly Exercise[], count: number, seed: number, seen = new Set<string>()): ReplyJob[] {
  const random = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const chance = (p: number) => random() < p;
  const pools = new Map<string, string[]>();
  const everywhere: string[] = [];
  for (const ex of exercises) {
    for (const turn of ex.turns) {
      const own = [turn.modelAnswer, ...ex.examples.filter((e) => e.turn === turn.id).map((e) => e.reply)].flatMap(sentencesOf);
      pools.set(`${ex.slug}#${turn.id}`, own);
      everywhere.push(...own, ...sentencesOf(turn.message));
    }
  }
  const mutateWord = (w: string): string => {
    if (w.length < 4 || !/^[a-z]+$/i.test(w)) return w;
    const r = random();
    const i = 1 + Math.floor(random() * (w.length - 2));
    if (r < 0.3) return w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2); // swap
    if (r < 0.55) return w.slice(0, i) + w.slice(i + 1); // drop
    if (r < 0.8) return w + w[w.length - 1]!.repeat(2); // elongate
    return w.toUpperCase();
  };
  const generate = (ex: Exercise, turnIndex: number): string => {
    const turn = ex.turns[turnIndex]!;
    const pool = pools.get(`${ex.slug}#${turn.id}`)!;
    const body: string[] = [];
    const n = 1 + Math.floor(random() * 4);
    // Mostly this turn's sentences, some from any exercise, in shuffled order.
    for (let i = 0; i < n; i++) body.push(pool.length > 0 && chance(0.75) ? pick(pool) : pick(everywhere));
    for (let i = body.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [body[i], body[j]] = [body[j]!, body[i]!];
    }
    const parts: string[] = [];
    if (chance(0.8)) parts.push(pick(GREETINGS) + pick([",", ".", " 🙏", "!", ""]));
    parts.push(...body);
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
  };
  const jobs: ReplyJob[] = [];
  for (let attempts = 0; jobs.length < count && attempts < count * 5; attempts++) {
    const ex = pick(exercises);
    const ti = Math.floor(random() * ex.turns.length);
    const reply = generate(ex, ti);
    const key = `${ex.slug}\u0000${reply}`;
    if (seen.has(key)) continue;
    seen.add(key);
    jobs.push({ exercise: ex, turnId: ex.turns[ti]!.id, reply });
  }
  return jobs;
}
