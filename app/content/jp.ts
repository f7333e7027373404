/**
 * Honest study time (content/README.md, "Menit dan JP"): a lesson's minutes are its reading
 * time at a phone-reading pace plus the time its exercises take; a course's JP is the sum of
 * its published lesson minutes over 45, to the nearest half JP (at least half a JP). Pure: no I/O.
 */

/** Words per minute for a learner reading on a phone (slower than the ~200 of desktop prose). */
export const READING_WPM = 150;
/** One jam pelajaran (JP) in minutes. */
export const JP_MINUTES = 45;
/** JP are recognised in steps of half a JP. */
export const JP_STEP = 0.5;
/** Minutes per quiz item answered (read the scenario, choose, read the explanation). */
export const MINUTES_PER_QUIZ_ITEM = 1;
/** DM exercise: minutes to read the feedback and model answer after each reply. */
export const MINUTES_PER_DM_FEEDBACK = 1;
/** DM exercise: minutes to write a reply when the exercise sets no `targetSeconds`. */
export const DEFAULT_DM_REPLY_MINUTES = 3;
/** Hoax case: classify 1, red flags 2, verification plan 2, clarification 3, feedback 2. */
export const HOAX_TASK_MINUTES = 10;
/** Post rewrite: minutes to write the post and its alt text when the file sets no `targetSeconds`. */
export const DEFAULT_POST_WRITE_MINUTES = 8;
/** Post rewrite: minutes to read the feedback and the model answer. */
export const MINUTES_PER_POST_FEEDBACK = 2;

export type StudyItem =
  | { kind: "lesson"; words: number; quizItems: number }
  | { kind: "quiz"; words: number; quizItems: number }
  | { kind: "dm"; words: number; replies: number; replySeconds?: number }
  | { kind: "hoax"; words: number }
  | { kind: "post"; words: number; writeSeconds?: number };

/** Words a learner reads: letters/digits runs, after MDX tags, attribute names and Markdown marks are dropped. */
export function countWords(text: string): number {
  const plain = text
    .replace(/<\/?[A-Z][A-Za-z]*/g, " ")
    .replace(/\b[a-zA-Z]+=/g, " ")
    .replace(/\]\([^)]*\)/g, " ");
  return plain.match(/[\p{L}\p{N}]+(?:[-'’.,][\p{L}\p{N}]+)*/gu)?.length ?? 0;
}

/** Reading minutes at READING_WPM, unrounded. */
export function readingMinutes(words: number): number {
  return words / READING_WPM;
}

/** Minutes of doing (quiz items, replies and their feedback, the hoax tasks), unrounded. */
export function workMinutes(item: StudyItem): number {
  switch (item.kind) {
    case "lesson":
    case "quiz":
      return item.quizItems * MINUTES_PER_QUIZ_ITEM;
    case "dm":
      return item.replies * ((item.replySeconds ? item.replySeconds / 60 : DEFAULT_DM_REPLY_MINUTES) + MINUTES_PER_DM_FEEDBACK);
    case "hoax":
      return HOAX_TASK_MINUTES;
    case "post":
      return (item.writeSeconds ? item.writeSeconds / 60 : DEFAULT_POST_WRITE_MINUTES) + MINUTES_PER_POST_FEEDBACK;
  }
}

/** Honest minutes for one lesson file, rounded to a whole minute (at least 1). */
export function lessonMinutes(item: StudyItem): number {
  return Math.max(1, Math.round(readingMinutes(item.words) + workMinutes(item)));
}

/** How far an authored `minutes` may sit from the computed one: 15 %, at least 2 minutes. */
export function minutesTolerance(computed: number): number {
  return Math.max(2, Math.round(computed * 0.15));
}

/** JP a course may claim for the given lesson minutes: sum / 45 to the nearest JP_STEP, at least JP_STEP. */
export function courseJp(lessonMinutesList: number[]): number {
  const total = lessonMinutesList.reduce((a, b) => a + b, 0);
  return Math.max(JP_STEP, Math.round(total / JP_MINUTES / JP_STEP) * JP_STEP);
}

/**
 * Replies a learner writes in a DM exercise: the longest path through the turn graph from the
 * first turn along its `next` branches (a turn without `next` is the last), ignoring cycles.
 */
export function dmReplies(turns: { id: string; next?: { goto: string }[] }[]): number {
  const byId = new Map(turns.map((t) => [t.id, t]));
  const depth = (id: string, seen: Set<string>): number => {
    const turn = byId.get(id);
    if (!turn || seen.has(id)) return 0;
    const next = new Set([...seen, id]);
    const targets = (turn.next ?? []).map((b) => b.goto);
    return 1 + Math.max(0, ...targets.map((t) => depth(t, next)));
  };
  return turns.length ? depth(turns[0]!.id, new Set()) : 0;
}

type LessonLike = {
  body: string;
  meta: { kind: "lesson" | "quiz" | "dm" | "hoax" | "post"; quizzes: { questions: unknown[]; draw?: number }[] };
  /** Raw frontmatter: a DM exercise's context and turns, a hoax case's claim. */
  data: Record<string, unknown>;
};

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : typeof v === "string" ? [v] : []);

/** What a learner reads and does in one lesson file, for `lessonMinutes`. */
export function studyItemOf(lesson: LessonLike): StudyItem {
  const bodyWords = countWords(lesson.body);
  const quizItems = lesson.meta.quizzes.reduce((n, q) => n + (q.draw ?? q.questions.length), 0);
  switch (lesson.meta.kind) {
    case "lesson":
    case "quiz":
      return { kind: lesson.meta.kind, words: bodyWords, quizItems };
    case "dm": {
      const turns = (Array.isArray(lesson.data.turns) ? lesson.data.turns : []) as { id: string; message?: string; next?: { goto: string }[] }[];
      const replies = dmReplies(turns);
      // The learner reads the context and, on average, the messages of one path through the turns.
      const messageWords = turns.reduce((n, t) => n + countWords(t.message ?? ""), 0);
      const pathMessageWords = turns.length ? Math.round((messageWords / turns.length) * replies) : 0;
      const words = bodyWords + countWords(strings(lesson.data.context).join(" ")) + pathMessageWords;
      const replySeconds = typeof lesson.data.targetSeconds === "number" ? lesson.data.targetSeconds : undefined;
      return { kind: "dm", words, replies, replySeconds };
    }
    case "hoax": {
      const claim = (lesson.data.claim ?? {}) as { text?: string; image?: { description?: string } };
      return { kind: "hoax", words: bodyWords + countWords(claim.text ?? "") + countWords(claim.image?.description ?? "") };
    }
    case "post": {
      // The briefing, the ceremonial original, the context and what the image shows.
      const original = (lesson.data.original ?? {}) as { text?: string };
      const image = (lesson.data.image ?? {}) as { description?: string };
      const words = bodyWords + countWords(original.text ?? "") + countWords(strings(lesson.data.context).join(" ")) + countWords(image.description ?? "");
      const writeSeconds = typeof lesson.data.targetSeconds === "number" ? lesson.data.targetSeconds : undefined;
      return { kind: "post", words, writeSeconds };
    }
  }
}
