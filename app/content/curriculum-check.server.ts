import { readFileSync } from "node:fs";
import { lineOfPath, splitFrontmatter } from "./frontmatter";
import { nonObservable, unlistedCitations } from "./curriculum";
import type { CourseSource, Problem } from "./repository.server";

function read(file: string): { source: string; lines: string[] } {
  try {
    const source = readFileSync(file, "utf8");
    return { source, lines: splitFrontmatter(source).frontmatterLines };
  } catch {
    return { source: "", lines: [] };
  }
}

/**
 * The curriculum page's fields (issue 16 §6): a course `competency`; indicators for every
 * published reading lesson (exercises and final quizzes derive theirs from their rubric and bank);
 * objectives and indicators that start with an observable verb; and every regulation a file
 * cites listed in its `references`, so the printed legal basis is complete.
 */
export function curriculumProblems(course: CourseSource): Problem[] {
  const problems: Problem[] = [];
  // A draft course has no curriculum page yet (it answers 404): its lessons are not published.
  if (course.meta.draft) return problems;
  if (!course.meta.competency) {
    problems.push({
      file: course.file,
      line: 1,
      column: 1,
      message: 'competency: missing; write the course\'s general competency, e.g. competency: "Peserta mampu …"',
      severity: "error",
    });
  }
  for (const lesson of course.lessons) {
    if (lesson.meta.draft) continue;
    const { source, lines } = read(lesson.file);
    const at = (path: (string | number)[], message: string) =>
      problems.push({ file: lesson.file, line: lineOfPath(lines, path), column: 1, message, severity: "error" });
    if (lesson.meta.kind === "lesson" && lesson.meta.indicators.length === 0) {
      at(["objectives"], "indicators: missing; add at least one { condition, behaviour, criterion } for the curriculum");
    }
    if (lesson.meta.kind === "lesson" && lesson.meta.objectives.length === 0) at(["title"], "objectives: missing; add at least one learning objective");
    lesson.meta.objectives.forEach((o, i) => {
      const why = nonObservable(o);
      if (why) at(["objectives", i], `objectives[${i}]: ${why}`);
    });
    lesson.meta.indicators.forEach((ind, i) => {
      const why = nonObservable(ind.behaviour);
      if (why) at(["indicators", i, "behaviour"], `indicators[${i}].behaviour: ${why}`);
    });
    for (const key of unlistedCitations(source, lesson.meta.references)) {
      at(["references"], `cites ${key} but references does not list it; add references: ["${key} tentang …"]`);
    }
  }
  return problems;
}
