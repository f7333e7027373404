import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { checkExamples, checkModelAnswers, contextSlots, exerciseFrontmatterSchema, parseExercise, type Exercise } from "~/grading";
import { rubricWarnings, type RubricWarning } from "~/grading/rubric";
import { hoaxFrontmatterSchema, parseHoaxCase, type HoaxCase } from "~/grading/hoax";
import type { LessonIds } from "~/models/course.server";
import { lineOfPath, splitFrontmatter } from "./frontmatter";
import { indonesianErrors, type CourseSource, type LessonSource, type Problem } from "./repository.server";
import { withoutCurriculumFields } from "./schema";
import { getSyncedContent } from "./sync.server";

export type ExerciseEntry = { exercise: Exercise; course: CourseSource; lesson: LessonSource; ids: LessonIds };

// Parsed once per file version; the grader caches compiled rubrics per Exercise object.
const parsed = new Map<string, Exercise>();

function exerciseOf(course: CourseSource, lesson: LessonSource): Exercise {
  let exercise = parsed.get(lesson.hash);
  if (!exercise) {
    exercise = parseExercise(withoutCurriculumFields(lesson.data), { slug: lesson.slug, course: course.slug, briefing: lesson.body, source: lesson.file });
    parsed.set(lesson.hash, exercise);
  }
  return exercise;
}

const parsedHoax = new Map<string, HoaxCase>();

function hoaxOf(course: CourseSource, lesson: LessonSource): HoaxCase {
  let c = parsedHoax.get(lesson.hash);
  if (!c) {
    c = parseHoaxCase(withoutCurriculumFields(lesson.data), { slug: lesson.slug, course: course.slug, briefing: lesson.body, source: lesson.file });
    parsedHoax.set(lesson.hash, c);
  }
  return c;
}

export type HoaxEntry = { hoax: HoaxCase; course: CourseSource; lesson: LessonSource; ids: LessonIds };

/** A published hoax case by slug (drafts only with `preview`), or null. */
export async function getHoaxEntry(slug: string, preview = false): Promise<HoaxEntry | null> {
  const { tree, ids } = await getSyncedContent();
  for (const course of tree.courses) {
    if (course.meta.draft && !preview) continue;
    const lesson = course.lessons.find((l) => l.slug === slug && l.meta.kind === "hoax" && (preview || !l.meta.draft));
    const lessonIds = lesson && ids.get(`${course.slug}/${lesson.slug}`);
    if (lesson && lessonIds) return { hoax: hoaxOf(course, lesson), course, lesson, ids: lessonIds };
  }
  return null;
}

/** content:check for a hoax case: schema problems at their line, then its clarification examples. */
export function checkHoaxLesson(course: CourseSource, lesson: LessonSource): Problem[] {
  const lines = splitFrontmatter(readFileSync(lesson.file, "utf8")).frontmatterLines;
  const result = hoaxFrontmatterSchema.safeParse(withoutCurriculumFields(lesson.data), indonesianErrors);
  const problem = (path: (string | number)[], message: string): Problem => ({ file: lesson.file, line: lineOfPath(lines, path), column: 1, message, severity: "error" });
  if (!result.success) return result.error.issues.map((i) => problem(i.path as (string | number)[], `${i.path.join(".")}: ${i.message}`));
  let hoax: HoaxCase;
  try {
    hoax = hoaxOf(course, lesson);
  } catch (error) {
    return [problem(["clarification"], `clarification: ${(error as Error).message.split("\n").slice(1).join(" ").trim()}`)];
  }
  const problems: Problem[] = [];
  if (hoax.claim.image && !existsSync(path.join(path.dirname(lesson.file), hoax.claim.image.src))) {
    problems.push(problem(["claim", "image", "src"], `gambar tidak ditemukan: ${hoax.claim.image.src}`));
  }
  checkExamples(hoax.exercise).forEach((check, i) =>
    check.problems.forEach((p) => problems.push(problem(["examples", i], `examples[${i}]: ${p}`))),
  );
  for (const check of checkModelAnswers(hoax.exercise)) for (const p of check.problems) problems.push(problem(["clarification", "modelAnswer"], `clarification.modelAnswer: ${p}`));
  problems.push(...warningProblems(lesson, lines, rubricWarnings(hoax.clarification.rubric, ["clarification", "rubric"])));
  return problems;
}

function warningProblems(lesson: LessonSource, lines: string[], warnings: RubricWarning[]): Problem[] {
  return warnings.map((w) => ({ file: lesson.file, line: lineOfPath(lines, w.path), column: 1, message: `${w.path.join(".")}: ${w.message}`, severity: "warning" as const }));
}

/** A published DM exercise by slug (drafts only with `preview`), or null. */
export async function getExerciseEntry(slug: string, preview = false): Promise<ExerciseEntry | null> {
  const { tree, ids } = await getSyncedContent();
  for (const course of tree.courses) {
    if (course.meta.draft && !preview) continue;
    const lesson = course.lessons.find((l) => l.slug === slug && l.meta.kind === "dm" && (preview || !l.meta.draft));
    const lessonIds = lesson && ids.get(`${course.slug}/${lesson.slug}`);
    if (lesson && lessonIds) return { exercise: exerciseOf(course, lesson), course, lesson, ids: lessonIds };
  }
  return null;
}

/** Every DM exercise (drafts included), for the studio and instructors. */
export async function listExerciseEntries(): Promise<ExerciseEntry[]> {
  const { tree, ids } = await getSyncedContent();
  const out: ExerciseEntry[] = [];
  for (const course of tree.courses) {
    for (const lesson of course.lessons) {
      const lessonIds = ids.get(`${course.slug}/${lesson.slug}`);
      if (lesson.meta.kind !== "dm" || !lessonIds) continue;
      try {
        out.push({ exercise: exerciseOf(course, lesson), course, lesson, ids: lessonIds });
      } catch {
        // invalid exercises are reported by content:check
      }
    }
  }
  return out;
}

/**
 * content:check for a DM exercise: schema problems at their frontmatter line, every
 * `examples` entry the grader disagrees with, as path:line (rubric tests written by authors),
 * and warnings for patterns that probably do not say what their author meant.
 */
export function checkDmLesson(course: CourseSource, lesson: LessonSource): Problem[] {
  const lines = splitFrontmatter(readFileSync(lesson.file, "utf8")).frontmatterLines;
  const result = exerciseFrontmatterSchema.safeParse(withoutCurriculumFields(lesson.data), indonesianErrors);
  if (!result.success) {
    return result.error.issues.map((issue) => ({
      file: lesson.file,
      line: lineOfPath(lines, issue.path as (string | number)[]),
      column: 1,
      message: `${issue.path.join(".")}: ${issue.message}`,
      severity: "error" as const,
    }));
  }
  const exercise = exerciseOf(course, lesson);
  const problems: Problem[] = checkExamples(exercise).flatMap((check, i) =>
    check.problems.map((problem) => ({
      file: lesson.file,
      line: lineOfPath(lines, ["examples", i]),
      column: 1,
      message: `examples[${i}] (${check.example.turn}): ${problem}`,
      severity: "error" as const,
    })),
  );
  for (const check of checkModelAnswers(exercise)) {
    for (const p of check.problems) {
      const path = ["turns", check.turnIndex, "modelAnswer"];
      problems.push({ file: lesson.file, line: lineOfPath(lines, path), column: 1, message: `turns[${check.turnIndex}].modelAnswer: ${p}`, severity: "error" });
    }
  }
  // Closed-world fact checks need the facts: a context that states documents, fees, durations, days or times declares them.
  const slots = exercise.facts ? [] : contextSlots(exercise.context);
  if (slots.length > 0) {
    problems.push({
      file: lesson.file,
      line: lineOfPath(lines, ["context"]),
      column: 1,
      message: `context menyebut ${slots.join(", ")}, tetapi latihan ini tidak punya blok facts: nyatakan faktanya agar klaim jawaban diperiksa`,
      severity: "error",
    });
  }
  const warnings = exercise.turns.flatMap((turn, ti) => rubricWarnings(turn.rubric, ["turns", ti, "rubric"]));
  return [...problems, ...warningProblems(lesson, lines, warnings)];
}
