import type { LessonKind } from "~/content/schema";
import { isExerciseKind } from "~/exercises/kinds";

/**
 * What counts as complete, per lesson kind — the one place these rules live.
 * - lesson: the learner marked it complete ("Tandai selesai").
 * - quiz: best score reaches the course's pass mark.
 * - an exercise (dm, hoax, …: exercises/kinds.ts): at least one attempt passed.
 */
export type LessonEvidence = { marked: boolean; bestQuizScore: number | null; exercisePassed: boolean };

export function isLessonComplete(kind: LessonKind, evidence: LessonEvidence, passPercent: number): boolean {
  if (isExerciseKind(kind)) return evidence.exercisePassed;
  return kind === "lesson" ? evidence.marked : evidence.bestQuizScore !== null && evidence.bestQuizScore >= passPercent;
}

/** Whether the learner may complete this kind by pressing "Tandai selesai". */
export function canMarkComplete(kind: LessonKind): boolean {
  return kind === "lesson";
}

export type OutlineItem = { slug: string; completed: boolean; started: boolean };

export function coursePercent(items: OutlineItem[]): number {
  if (items.length === 0) return 0;
  return Math.round((items.filter((i) => i.completed).length / items.length) * 100);
}

/**
 * "Continue where I left off": the first incomplete lesson after the last one touched,
 * else the first incomplete one; null when everything is complete.
 */
export function continueLesson(items: OutlineItem[], lastSeenSlug: string | null): string | null {
  const lastIndex = lastSeenSlug ? items.findIndex((i) => i.slug === lastSeenSlug) : -1;
  if (lastIndex >= 0 && !items[lastIndex]!.completed) return items[lastIndex]!.slug;
  const after = items.slice(lastIndex + 1).find((i) => !i.completed);
  return (after ?? items.find((i) => !i.completed))?.slug ?? null;
}
