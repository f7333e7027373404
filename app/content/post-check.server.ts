/**
 * content:check for a post rewrite (`kind: post`, app/grading/post.ts): schema problems at their
 * frontmatter line, then the labelled examples and the model answer graded as labelled, and
 * warnings for patterns that probably do not say what their author meant.
 */
import { readFileSync } from "node:fs";
import { ExerciseValidationError } from "~/grading/rubric";
import { rubricWarnings } from "~/grading/rubric";
import { checkPostExamples, checkPostModelAnswer, parsePost, postFrontmatterSchema, type PostExercise } from "~/grading/post";
import { lineOfPath, splitFrontmatter } from "./frontmatter";
import { indonesianErrors, type LessonSource, type Problem } from "./repository.server";
import { withoutCurriculumFields } from "./schema";

// Parsed once per file version; the grader caches compiled rubrics per exercise object.
const parsed = new Map<string, PostExercise>();

/** The post of a lesson file, parsed once per version (throws ExerciseValidationError when invalid). */
export function postOf(lesson: Pick<LessonSource, "hash" | "data" | "body" | "file">): PostExercise {
  let post = parsed.get(lesson.hash);
  if (!post) {
    post = parsePost(withoutCurriculumFields(lesson.data), lesson.body, lesson.file);
    parsed.set(lesson.hash, post);
  }
  return post;
}

export function checkPostLesson(lesson: LessonSource): Problem[] {
  const lines = splitFrontmatter(readFileSync(lesson.file, "utf8")).frontmatterLines;
  const problem = (path: (string | number)[], message: string, severity: Problem["severity"] = "error"): Problem => ({
    file: lesson.file,
    line: lineOfPath(lines, path),
    column: 1,
    message,
    severity,
  });
  const result = postFrontmatterSchema.safeParse(withoutCurriculumFields(lesson.data), indonesianErrors);
  if (!result.success) return result.error.issues.map((i) => problem(i.path as (string | number)[], `${i.path.join(".")}: ${i.message}`));
  let post: PostExercise;
  try {
    post = postOf(lesson);
  } catch (error) {
    const message = error instanceof ExerciseValidationError ? error.problems.join("; ") : (error as Error).message;
    return [problem(["elements"], `elements: ${message}`)];
  }
  const problems: Problem[] = [];
  for (const check of checkPostExamples(post)) for (const p of check.problems) problems.push(problem(["examples", check.index], `examples[${check.index}]: ${p}`));
  for (const p of checkPostModelAnswer(post).problems) problems.push(problem(["modelAnswer"], `modelAnswer: ${p}`));
  const rubric = { required: post.exercise.turns.flatMap((t) => t.rubric.required), violations: post.violations, skipBuiltins: [] };
  for (const w of rubricWarnings(rubric, [])) {
    // Paths of the synthetic rubric → the file's own fields.
    const [kind, i, ...rest] = w.path;
    const id = kind === "required" ? rubric.required[i as number]?.id : undefined;
    const path = kind === "required" ? ["elements", Math.max(0, post.elements.findIndex((e) => e.id === id)), ...rest] : ["violations", i as number, ...rest];
    problems.push(problem(path, `${path.join(".")}: ${w.message}`, "warning"));
  }
  return problems;
}
