/**
 * The human review loop for DM grades (issue 12, items 5 and 6). Pure: which finished attempts
 * wait for a trainer, and how a trainer's decision becomes labels the agreement console compares
 * with the grader. The model (exercise-attempt.server.ts) applies it inside the grading transaction.
 */

/** Why an attempt waits for a trainer: the grader's own reasons, or "sample" (the course's random share). */
export const SAMPLE_REASON = "sample";

export type RoutingInput = {
  /** Decides the sample share; a stored id, so the same attempt always gets the same answer. */
  attemptId: string;
  /** The grader's result for the whole attempt. */
  passed: boolean;
  /** `review` reasons of every graded turn (TurnGrade.review). */
  turnReviews: readonly (readonly string[] | undefined)[];
  /** The lesson is already complete in this cycle: this attempt cannot change the certificate. */
  lessonComplete: boolean;
  /** Course `reviewSample`: percent (0–100) of otherwise sure passes that a trainer checks anyway. */
  samplePercent: number;
};

export type Routing = { review: false } | { review: true; reasons: string[] };

/**
 * An attempt waits for review only when it would count towards a certificate: the grader passed
 * it and its lesson is not complete yet. A failed attempt completes nothing (the learner tries
 * again; a trainer can still override it). Then: any review reason of any turn sends it, and
 * otherwise a deterministic `samplePercent` share of the remaining passes ("sample").
 */
export function reviewRouting(input: RoutingInput): Routing {
  if (!input.passed || input.lessonComplete) return { review: false };
  const reasons = [...new Set(input.turnReviews.flatMap((r) => r ?? []))].sort();
  if (reasons.length > 0) return { review: true, reasons };
  if (inSample(input.attemptId, input.samplePercent)) return { review: true, reasons: [SAMPLE_REASON] };
  return { review: false };
}

/** Whether `key` falls in the first `percent` of 100 buckets (FNV-1a): uniform over random ids, stable per id. */
export function inSample(key: string, percent: number): boolean {
  if (percent <= 0) return false;
  if (percent >= 100) return true;
  return sampleBucket(key) < percent;
}

export function sampleBucket(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  // Mix the high bits in: FNV's low bits alone are weak for a modulus.
  h ^= h >>> 16;
  h = Math.imul(h, 0x45d9f3b);
  h ^= h >>> 16;
  return (h >>> 0) % 100;
}

/** What a trainer said about one turn's rubric elements: id → met (required) / present (violation). */
export type CriterionLabels = Record<string, boolean>;

/** The grader's element statuses of one stored turn grade, as the review form pre-fills them. */
export function graderLabels(grade: { met: { id: string }[]; missed: { id: string }[]; violated: { id: string }[] }): CriterionLabels {
  const out: CriterionLabels = {};
  for (const e of grade.met) out[e.id] = true;
  for (const e of grade.missed) out[e.id] = false;
  for (const e of grade.violated) out[e.id] = true;
  return out;
}

/** Labels say the turn passes: every required element met and no violation present. */
export function labelsPass(labels: CriterionLabels, required: readonly string[]): boolean {
  return Object.entries(labels).every(([id, v]) => (required.includes(id) ? v : !v));
}

/**
 * The human pass/fail of each turn of a reviewed attempt. A passed attempt needs every turn to
 * pass. A failed one: the turns whose labels fail; if the trainer failed the attempt while every
 * label still passes, the judgement was about the reply as a whole, so every turn counts as failed.
 */
export function humanTurnPasses(decisionPassed: boolean, turns: readonly { labels: CriterionLabels; required: readonly string[] }[]): boolean[] {
  const byLabels = turns.map((t) => labelsPass(t.labels, t.required));
  if (decisionPassed) return turns.map(() => true);
  return byLabels.some((p) => !p) ? byLabels : turns.map(() => false);
}
