/**
 * What each exercise kind is, as content: its frontmatter schema, how a lesson file becomes the
 * kind's graded item, and the DM-grader exercise its free text is graded with (for the fact
 * readout and the rubric tools). Pure — no I/O — but it carries the grader: never import it from
 * a component (the page components come from views.ts, the server parts from registry.server.ts).
 */
import type { z } from "zod";
import { exerciseFrontmatterSchema, parseExercise, type Exercise } from "~/grading";
import { hoaxFrontmatterSchema, parseHoaxCase, type HoaxCase } from "~/grading/hoax";
import { parsePost, postFrontmatterSchema, type PostExercise } from "~/grading/post";
import { withoutCurriculumFields } from "~/content/schema";
import type { ExerciseKind } from "./kinds";
import { dmTextGrading, postTextGrading, type TextGrading } from "./text-grading";

/** Where a lesson file came from, for the parsed item and its error messages. */
export type ParseContext = { slug: string; course: string; briefing: string; source?: string };

export type ExerciseKindContent<T> = {
  /** The kind's own frontmatter fields, strict (the curriculum fields every lesson has are taken out first). */
  schema: z.ZodType;
  /** Validated item from raw frontmatter; throws naming the file and field when it is invalid. */
  parse: (data: Record<string, unknown>, ctx: ParseContext) => T;
  title: (item: T) => string;
  /** The DM-grader exercise the learner's free text is graded with. */
  graderExercise: (item: T) => Exercise;
  /** For kinds graded as free text into a TurnGrade: what the studio's rubric tools work with. */
  textGrading?: (item: T) => TextGrading;
};

/** The parsed item of each kind: what loaders, submit and checks receive. */
export type ExerciseItem = { dm: Exercise; hoax: HoaxCase; post: PostExercise };

export const exerciseContent: { [K in ExerciseKind]: ExerciseKindContent<ExerciseItem[K]> } = {
  dm: {
    schema: exerciseFrontmatterSchema,
    parse: (data, ctx) => parseExercise(withoutCurriculumFields(data), ctx),
    title: (e) => e.title,
    graderExercise: (e) => e,
    textGrading: dmTextGrading,
  },
  hoax: {
    schema: hoaxFrontmatterSchema,
    parse: (data, ctx) => parseHoaxCase(withoutCurriculumFields(data), ctx),
    title: (h) => h.title,
    // The clarification is a one-turn public reply graded like a DM turn.
    graderExercise: (h) => h.exercise,
  },
  post: {
    schema: postFrontmatterSchema,
    // parsePost names the slug and course after the file; the file is <course>/<NN-slug>.mdx.
    parse: (data, ctx) => parsePost(withoutCurriculumFields(data), ctx.briefing, ctx.source ?? `${ctx.course}/${ctx.slug}.mdx`),
    title: (p) => p.title,
    // The caption and the alt text are two turns of a public exercise.
    graderExercise: (p) => p.exercise,
    textGrading: postTextGrading,
  },
};

/** The grader exercise of a lesson file of any exercise kind; throws when its frontmatter is invalid. */
export function graderExerciseOf(kind: ExerciseKind, data: Record<string, unknown>, ctx: ParseContext): Exercise {
  // Each kind's graderExercise takes what its own parse returned.
  const content = exerciseContent[kind] as unknown as ExerciseKindContent<unknown>;
  return content.graderExercise(content.parse(data, ctx));
}
