import { readFileSync } from "node:fs";
import { lineOfPath, splitFrontmatter } from "~/content/frontmatter";
import { indonesianErrors, type LessonSource, type Problem } from "~/content/repository.server";
import { withoutCurriculumFields } from "~/content/schema";
import type { RubricWarning } from "~/grading/rubric";
import type { ExerciseKind } from "./kinds";
import { exerciseContent } from "./registry";

/** Problems of one exercise file, each at its frontmatter line (content:check's words: Indonesian). */
export type LessonChecker = {
  lines: string[];
  problem: (path: (string | number)[], message: string, severity?: Problem["severity"]) => Problem;
  warnings: (warnings: RubricWarning[]) => Problem[];
  /** The kind's schema problems, or [] when the frontmatter is valid. */
  schemaProblems: () => Problem[];
};

export function lessonChecker(kind: ExerciseKind, lesson: LessonSource): LessonChecker {
  const lines = splitFrontmatter(readFileSync(lesson.file, "utf8")).frontmatterLines;
  const problem = (path: (string | number)[], message: string, severity: Problem["severity"] = "error"): Problem => ({
    file: lesson.file,
    line: lineOfPath(lines, path),
    column: 1,
    message,
    severity,
  });
  return {
    lines,
    problem,
    warnings: (warnings) => warnings.map((w) => problem(w.path, `${w.path.join(".")}: ${w.message}`, "warning")),
    schemaProblems: () => {
      const result = exerciseContent[kind].schema.safeParse(withoutCurriculumFields(lesson.data), indonesianErrors);
      return result.success ? [] : result.error.issues.map((i) => problem(i.path as (string | number)[], `${i.path.join(".")}: ${i.message}`));
    },
  };
}
