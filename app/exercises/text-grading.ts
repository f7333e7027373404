/**
 * What the studio's rubric tools (playground, attempt view and override, re-grade, agreement
 * console) need from an exercise whose learner writes free text graded into a TurnGrade: DM
 * replies and post rewrites. One shape, so the tools do not ask which kind they hold; the hoax
 * lab is graded in parts and keeps its own page. Pure: it carries the grader, no I/O.
 */
import { gradeReply, type Exercise, type ExerciseExample, type TurnGrade } from "~/grading";
import { gradePost, POST_CHECK_TEXT, POST_TURN, type PostExercise } from "~/grading/post";

export type TextGrading = {
  slug: string;
  passPercent: number;
  /** The writing time the page suggests (seconds), if any. */
  targetSeconds: number | null;
  /** The DM-grader exercise: feedback wording, the fact reading, element labels. */
  exercise: Exercise;
  /** The turns an author can try and a learner answers, with the message answered. */
  turns: Array<{ id: string; message: string }>;
  grade: (turnId: string, text: string) => TurnGrade;
  /** The authored examples, each labelled with its turn. */
  examples: ExerciseExample[];
  /** Ids of a turn's required elements and of its own violations (for labelled agreement). */
  required: (turnId: string) => string[];
  violations: (turnId: string) => string[];
  /** Labels of ids the kind's own checks report (beyond the rubric's elements and the DM built-ins). */
  checkLabels: Record<string, string>;
};

export function dmTextGrading(e: Exercise): TextGrading {
  const turn = (id: string) => e.turns.find((t) => t.id === id);
  return {
    slug: e.slug,
    passPercent: e.passPercent,
    targetSeconds: e.targetSeconds ?? null,
    exercise: e,
    turns: e.turns.map((t) => ({ id: t.id, message: t.message })),
    grade: (turnId, text) => gradeReply(e, turnId, text),
    examples: e.examples,
    required: (id) => turn(id)?.rubric.required.map((r) => r.id) ?? [],
    violations: (id) => turn(id)?.rubric.violations.map((v) => v.id) ?? [],
    checkLabels: {},
  };
}

/** A post is one turn: the ceremonial post answered by the learner's rewrite (caption and alt text in one text). */
export function postTextGrading(p: PostExercise): TextGrading {
  return {
    slug: p.slug,
    passPercent: p.passPercent,
    targetSeconds: p.targetSeconds ?? null,
    exercise: p.exercise,
    turns: [{ id: POST_TURN, message: p.original.text }],
    grade: (turnId, text) => {
      if (turnId !== POST_TURN) throw new Error(`a post has one turn, not ${turnId}`);
      return gradePost(p, text);
    },
    examples: p.examples.map((x) => ({ ...x, turn: POST_TURN })),
    required: () => p.elements.map((e) => e.id),
    violations: () => p.violations.map((v) => v.id),
    checkLabels: Object.fromEntries(Object.entries(POST_CHECK_TEXT).map(([id, t]) => [id, t.label])),
  };
}
