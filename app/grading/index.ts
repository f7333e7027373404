/**
 * Public API of the Sigap reply grader. Pure TypeScript: no I/O, safe for the server,
 * the CLI and tests. Load exercises with `loadExercises` (app/content/exercises.server.ts).
 */
import { gradeReply, type TurnGrade, type GradeOptions } from "./grade";
import { highlightSegments, type HighlightSegment } from "./highlight";
import type { Exercise, ExerciseExample } from "./rubric";

export { gradeReply, nextTurn, readFacts, turnIdAt, PENALTY } from "./grade";
export type { TurnGrade, ElementResult, ElementStatus, EvidenceSpan, GradeOptions } from "./grade";
export { highlightSegments, highlightSpans } from "./highlight";
export type { HighlightSegment, HighlightMark, HighlightSpan } from "./highlight";
export { parseExercise, exerciseFrontmatterSchema, ExerciseValidationError, CHANNELS, PUBLIC_CHANNELS } from "./rubric";
export type { Exercise, ExerciseFrontmatter, Turn, Rubric, RequiredElement, ViolationElement, Branch, ExerciseExample, Channel } from "./rubric";
export { BUILTIN_IDS, BUILTIN_TEXT, isBuiltinId } from "./builtins";
export type { BuiltinId, Severity } from "./builtins";
export { compilePattern, PatternError } from "./match";
export { normaliseText } from "./normalise";
export { stem } from "./stem";
export { GRADER_VERSION } from "./version";
export { contextSlots, factClaims } from "./facts";
export { agreementReport, cohenKappa, kappaFromMatrix, percentAgreement, expectedElements } from "./agreement";
export type { AgreementReport, Confusion, CriterionAgreement, LabelledGrade } from "./agreement";
export type { FactClaim, FactSlot } from "./facts";
export type { GradeNote } from "./grade";
export type { Facts } from "./rubric";
export {
  gradePost,
  parsePost,
  postFrontmatterSchema,
  splitPost,
  joinPostText,
  checkPostExamples,
  checkPostModelAnswer,
  POST_ELEMENTS,
  POST_ELEMENT_TEXT,
  POST_CHANNELS,
  POST_CHECK_IDS,
  POST_TURN,
  postViolationIds,
} from "./post";
export type { PostExercise, PostFrontmatter, PostElement, PostElementId, PostExample, PostChannel, PostParts, PostExampleCheck } from "./post";

/** For the practice page: the grade plus the reply cut into highlightable segments. */
export function gradeWithHighlights(
  exercise: Exercise,
  turnId: string,
  reply: string,
  opts?: GradeOptions,
): { grade: TurnGrade; segments: HighlightSegment[] } {
  const grade = gradeReply(exercise, turnId, reply, opts);
  return { grade, segments: highlightSegments(reply, grade) };
}

export type ExampleCheck = { example: ExerciseExample; grade: TurnGrade; problems: string[] };
export type ModelAnswerCheck = { turnId: string; turnIndex: number; grade: TurnGrade; problems: string[] };

/**
 * Grades every turn's model answer (for content:check): it must pass with no violation, and
 * read no claim the exercise's facts cannot settle ("fact-unresolved"): declare the fact instead.
 */
export function checkModelAnswers(exercise: Exercise): ModelAnswerCheck[] {
  return exercise.turns.map((turn, turnIndex) => {
    const grade = gradeReply(exercise, turn.id, turn.modelAnswer);
    const problems: string[] = [];
    if (!grade.passed) problems.push(`jawaban model tidak lulus (${grade.score}): ${[...grade.missing, ...grade.violations].join(", ") || "skor kurang"}`);
    for (const c of grade.facts) {
      if (c.verdict === "unresolved")
        problems.push(`jawaban model memuat klaim fakta yang tidak bisa dipastikan (${c.slot} «${c.evidence.text}»): nyatakan faktanya di blok facts`);
    }
    return { turnId: turn.id, turnIndex, grade, problems };
  });
}

/** Grades an exercise's frontmatter `examples` and lists where the grader disagrees (for content:check). */
export function checkExamples(exercise: Exercise): ExampleCheck[] {
  return exercise.examples.map((example) => {
    const grade = gradeReply(exercise, example.turn, example.reply);
    const problems: string[] = [];
    if (grade.passed !== example.pass) problems.push(`diharapkan ${example.pass ? "lulus" : "tidak lulus"}, hasil ${grade.passed ? "lulus" : "tidak lulus"}`);
    const metIds = new Set(grade.met.map((m) => m.id));
    for (const id of example.met ?? []) if (!metIds.has(id)) problems.push(`elemen "${id}" seharusnya terpenuhi`);
    for (const id of example.missed ?? []) if (metIds.has(id)) problems.push(`elemen "${id}" seharusnya tidak terpenuhi`);
    const expectedViolations = new Set(example.violated ?? []);
    for (const id of expectedViolations) if (!grade.violations.includes(id)) problems.push(`pelanggaran "${id}" seharusnya terdeteksi`);
    if (example.violated) for (const id of grade.violations) if (!expectedViolations.has(id)) problems.push(`pelanggaran "${id}" tidak diharapkan`);
    return { example, grade, problems };
  });
}
