/**
 * The exercise kinds: lesson files graded on their own page at /latihan/<slug> instead of being
 * read in the course. The one list of them; client-safe (no grader, no server code), so pages,
 * loaders and content tooling all ask here rather than comparing `kind` strings.
 * Each kind's parts live in the registries: registry.ts (frontmatter and parsing, pure),
 * registry.server.ts (content check, page loader, submit) and views.ts (the page component).
 */
import type { LessonKind } from "~/content/schema";
import type { MessageKey } from "~/i18n";

/** Every lesson kind that is not read in the course (lesson) or a final quiz (quiz). */
export type ExerciseKind = Exclude<LessonKind, "lesson" | "quiz">;

/** Typed so that a kind added to `lessonKinds` without a registry entry fails the typecheck. */
const kindSet: Record<ExerciseKind, true> = { dm: true, hoax: true, post: true };

export const exerciseKinds = Object.keys(kindSet) as ExerciseKind[];

export function isExerciseKind(kind: string): kind is ExerciseKind {
  return Object.hasOwn(kindSet, kind);
}

/** Exercises are addressed across courses by slug (content:check keeps their slugs unique). */
export function exerciseHref(slug: string): string {
  return `/latihan/${slug}`;
}

/**
 * The free-text fields of each kind's form, shown again with the typed text when the database
 * is out (handleAction's `keep`). Plain data: the route module reads it at its top level.
 */
export const exerciseKeptFields: Record<string, { show: "textarea"; label: MessageKey }> = {
  reply: { show: "textarea", label: "exercise.yourReply" },
  clarification: { show: "textarea", label: "hoax.part4" },
  rewrite: { show: "textarea", label: "post.yourRewrite" },
};
