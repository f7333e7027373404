import type { LessonKind } from "~/content/schema";

/**
 * The one place that decides, from the current grades, whether each lesson of a course is
 * complete and whether an issued certificate still stands (decision 011). Pure: the caller
 * (refreshEnrollment) gathers the facts inside the grade-changing transaction.
 */
export type LessonFacts = {
  lessonId: string;
  slug: string;
  title: string;
  kind: LessonKind;
  /** A lesson_progress row says completed (reading lessons: "Tandai selesai"). */
  marked: boolean;
  /** Effective results of this cycle's graded attempts (after override and re-grade). */
  graded: boolean[];
};

export type LessonStanding = "complete" | "incomplete" | "failed";

const isGraded = (kind: LessonKind) => kind !== "lesson";

/**
 * Reading lesson: complete when marked. Quiz, DM and hoax lessons: complete when any attempt
 * of the cycle passes; "failed" when there are attempts and none passes now (a re-grade or
 * override took the pass away). A graded lesson marked complete without any attempt on record
 * (older data) stays complete.
 */
export function lessonStanding(f: LessonFacts): LessonStanding {
  if (!isGraded(f.kind)) return f.marked ? "complete" : "incomplete";
  if (f.graded.some(Boolean)) return "complete";
  if (f.graded.length > 0) return "failed";
  return f.marked ? "complete" : "incomplete";
}

export type CourseStanding = {
  complete: boolean;
  completedCount: number;
  lessonCount: number;
  /** Graded lessons whose pass was taken away: the certificate does not stand while any remain. */
  failed: LessonFacts[];
  standings: Map<string, LessonStanding>;
};

export function courseStanding(lessons: LessonFacts[]): CourseStanding {
  const standings = new Map(lessons.map((l) => [l.lessonId, lessonStanding(l)]));
  const completedCount = [...standings.values()].filter((s) => s === "complete").length;
  return {
    complete: lessons.length > 0 && completedCount === lessons.length,
    completedCount,
    lessonCount: lessons.length,
    failed: lessons.filter((l) => standings.get(l.lessonId) === "failed"),
    standings,
  };
}

export type CertificateFacts = { revoked: boolean; renewing: boolean; suspended: boolean } | null;
export type CertificateStep = "issue" | "suspend" | "restore" | "none";

/**
 * What happens to the learner's current certificate. A certificate is suspended only when a
 * grade no longer passes — not when a lesson is added to the course later (then it still
 * stands on what was required when it was issued). While recertifying, the old certificate
 * stays as it is; completing again issues its replacement.
 */
export function certificateStep(course: Pick<CourseStanding, "complete" | "failed">, current: CertificateFacts): CertificateStep {
  if (!current) return course.complete ? "issue" : "none";
  if (current.revoked) return "none";
  if (current.renewing) return course.complete ? "issue" : "none";
  const stands = course.failed.length === 0;
  if (current.suspended) return stands ? "restore" : "none";
  return stands ? "none" : "suspend";
}
