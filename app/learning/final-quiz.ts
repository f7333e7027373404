import type { Question, Quiz } from "~/content/schema";
import type { PublicQuiz, QuizAnswers } from "./quiz";

/**
 * Final (summative) quizzes, decision 011: pure drawing, option shuffling, grading and topic
 * feedback. The server stores the seed with the draw when an attempt starts; the same seed
 * always yields the same draw, so a stored attempt can be checked or re-derived.
 */

/** Reported weak topics need at least this many drawn items, so a topic never pins one item. */
export const MIN_ITEMS_PER_TOPIC = 2;

/** Small deterministic PRNG (xmur3 hash of the seed feeding sfc32); not for secrets. */
export function seededRandom(seed: string): () => number {
  let h = 1779033703 ^ seed.length;
  for (let i = 0; i < seed.length; i++) {
    h = Math.imul(h ^ seed.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  const next = () => {
    h = Math.imul(h ^ (h >>> 16), 2246822507);
    h = Math.imul(h ^ (h >>> 13), 3266489909);
    return (h ^= h >>> 16) >>> 0;
  };
  let a = next(),
    b = next(),
    c = next(),
    d = next();
  return () => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
}

function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

export type QuizDraw = {
  /** Drawn items in the order shown. */
  itemIds: string[];
  /** Per item: the original option index shown at each position (position → index). */
  optionOrder: Record<string, number[]>;
};

/** How many items an attempt has: `draw`, at most the bank size; absent = the whole bank. */
export function drawSize(quiz: Pick<Quiz, "draw" | "questions">): number {
  return Math.min(quiz.draw ?? quiz.questions.length, quiz.questions.length);
}

/**
 * Draws an attempt from the bank. Items are taken two at a time per topic, round-robin over
 * the topics in a shuffled order, so each topic in an attempt usually has ≥ 2 items (topic
 * feedback then never points at one item). Options are shuffled per attempt, except
 * true/false, whose "Benar / Salah" order is part of reading the question.
 */
export function drawQuiz(quiz: Quiz, seed: string): QuizDraw {
  const random = seededRandom(seed);
  const groups = new Map<string, Question[]>();
  for (const q of quiz.questions) {
    const key = q.topic ?? `~${q.id}`;
    groups.set(key, [...(groups.get(key) ?? []), q]);
  }
  const queues = shuffle([...groups.keys()].sort(), random).map((k) => shuffle(groups.get(k)!, random));
  const size = drawSize(quiz);
  const picked: Question[] = [];
  while (picked.length < size) {
    for (const queue of queues) {
      for (let n = 0; n < MIN_ITEMS_PER_TOPIC && queue.length && picked.length < size; n++) picked.push(queue.shift()!);
      if (picked.length >= size) break;
    }
  }
  const items = shuffle(picked, random);
  const optionOrder: Record<string, number[]> = {};
  for (const q of items) {
    const indexes = q.options.map((_, i) => i);
    optionOrder[q.id] = q.type === "truefalse" ? indexes : shuffle(indexes, random);
  }
  return { itemIds: items.map((q) => q.id), optionOrder };
}

/** The drawn items that still exist in the content with the same option count (content may change mid-attempt). */
function drawnQuestions(quiz: Quiz, draw: QuizDraw): { q: Question; order: number[] }[] {
  const byId = new Map(quiz.questions.map((q) => [q.id, q]));
  const out: { q: Question; order: number[] }[] = [];
  for (const id of draw.itemIds) {
    const q = byId.get(id);
    const order = draw.optionOrder[id];
    if (q && order && order.length === q.options.length) out.push({ q, order });
  }
  return out;
}

/** What the browser sees of an attempt: drawn items in order; option `index` is the shown position. */
export function publicAttempt(quiz: Quiz, draw: QuizDraw): PublicQuiz {
  return {
    id: quiz.id,
    questions: drawnQuestions(quiz, draw).map(({ q, order }) => ({
      id: q.id,
      type: q.type,
      prompt: q.prompt,
      options: order.map((original, position) => ({ index: position, text: q.options[original]!.text })),
    })),
  };
}

/**
 * Reads `q:<itemId>` fields (shown positions) of the drawn items and maps them back to the
 * original option indexes. Items not drawn, unknown positions and extra picks are dropped.
 */
export function answersFromPositions(quiz: Quiz, draw: QuizDraw, form: FormData | URLSearchParams): QuizAnswers {
  const answers: QuizAnswers = {};
  for (const { q, order } of drawnQuestions(quiz, draw)) {
    const positions = form
      .getAll(`q:${q.id}`)
      .map((v) => Number(v))
      .filter((n) => Number.isInteger(n) && n >= 0 && n < order.length);
    const picked = [...new Set(positions.map((p) => order[p]!))].sort((a, b) => a - b);
    answers[q.id] = q.type === "multiple" ? picked : picked.slice(0, 1);
  }
  return answers;
}

export type DrawnResult = { score: number; correct: number; total: number; itemResults: Record<string, boolean> };

/** Grades only the drawn items: right when the chosen set equals the correct set. */
export function gradeDrawn(quiz: Quiz, draw: QuizDraw, answers: QuizAnswers): DrawnResult {
  const itemResults: Record<string, boolean> = {};
  for (const { q } of drawnQuestions(quiz, draw)) {
    const chosen = new Set(answers[q.id] ?? []);
    itemResults[q.id] = q.options.every((o, i) => o.correct === chosen.has(i));
  }
  const total = Object.keys(itemResults).length;
  const correct = Object.values(itemResults).filter(Boolean).length;
  return { score: total ? Math.round((correct / total) * 100) : 0, correct, total, itemResults };
}

/**
 * Topics (lesson slugs) to review after an attempt: those with a wrong drawn item, counting
 * only topics with at least MIN_ITEMS_PER_TOPIC drawn items. The answer depends on how many
 * items per topic were wrong, never on which, so it names no item and no option.
 */
export function weakTopics(quiz: Quiz, itemIds: string[], itemResults: Record<string, boolean>): string[] {
  const byId = new Map(quiz.questions.map((q) => [q.id, q]));
  const tally = new Map<string, { drawn: number; wrong: number }>();
  for (const id of itemIds) {
    const topic = byId.get(id)?.topic;
    if (!topic || !(id in itemResults)) continue;
    const t = tally.get(topic) ?? { drawn: 0, wrong: 0 };
    t.drawn++;
    if (!itemResults[id]) t.wrong++;
    tally.set(topic, t);
  }
  return [...tally.entries()]
    .filter(([, t]) => t.drawn >= MIN_ITEMS_PER_TOPIC && t.wrong > 0)
    .map(([topic]) => topic)
    .sort();
}

/** After a pass: every drawn item with the learner's choice and each option's explanation, in the attempt's order. */
export type ReviewedItem = {
  id: string;
  prompt: string;
  type: Question["type"];
  correct: boolean;
  options: { index: number; text: string; selected: boolean; correct: boolean; explanation: string }[];
};

export function reviewAttempt(quiz: Quiz, draw: QuizDraw, answers: QuizAnswers): ReviewedItem[] {
  return drawnQuestions(quiz, draw).map(({ q, order }) => {
    const chosen = new Set(answers[q.id] ?? []);
    const options = order.map((original, position) => {
      const o = q.options[original]!;
      return { index: position, text: o.text, selected: chosen.has(original), correct: o.correct, explanation: o.explanation };
    });
    return { id: q.id, prompt: q.prompt, type: q.type, correct: options.every((o) => o.selected === o.correct), options };
  });
}
