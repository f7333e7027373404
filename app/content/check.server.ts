import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { compileMdx } from "./compile.server";
import { curriculumProblems } from "./curriculum-check.server";
import { checkDmLesson, checkHoaxLesson } from "./exercise-index.server";
import { lineOfPath, splitFrontmatter } from "./frontmatter";
import { courseJp, lessonMinutes, minutesTolerance, READING_WPM, studyItemOf } from "./jp";
import { findRealLookingNumbers, lineColumn, lintQuiz } from "./lint";
import { loadContentTree, type ContentTree, type CourseSource, type LessonSource, type Problem } from "./repository.server";
import { env } from "~/utils/env.server";

/** Components lessons may use, with their required attributes and allowed values. */
export const allowedComponents: Record<string, { required: string[]; values?: Record<string, string[]> }> = {
  Callout: { required: ["kind"], values: { kind: ["tip", "warning", "rule"] } },
  DoDont: { required: [] },
  Example: { required: ["channel"], values: { channel: ["instagram", "whatsapp", "facebook", "x"] } },
  Glossary: { required: ["term"] },
  Quiz: { required: ["id"] },
};

async function checkLessonBody(lesson: LessonSource, courseSlugs: Map<string, Set<string>>, courseSlug: string, exerciseSlugs: Set<string>): Promise<Problem[]> {
  const problems: Problem[] = [];
  const at = (position: { line: number; column: number }, message: string, severity: Problem["severity"] = "error") =>
    problems.push({ file: lesson.file, line: position.line, column: position.column, message, severity });
  // Imports are refused before compiling, so the author sees the real line (esbuild would fail elsewhere).
  const esm = findEsmLines(lesson.body);
  for (const line of esm) at({ line, column: 1 }, "import/export is not allowed in lessons");
  if (esm.length) return problems;
  let usage;
  try {
    usage = (await compileMdx(lesson.body)).usage;
  } catch (error) {
    const e = error as { errors?: { location?: { line: number; column: number }; text: string }[]; message: string };
    const first = e.errors?.[0];
    // @mdx-js/esbuild wraps the real message ("10:1-10:34: Expected a closing tag…") in a header line.
    const text = (first?.text ?? e.message).split("\n").map((l) => l.trim()).filter(Boolean).pop() ?? "";
    at(first?.location ? { line: first.location.line, column: first.location.column + 1 } : { line: 1, column: 1 }, `MDX: ${text.replace(/^\d+:\d+-\d+:\d+:\s*/, "")}`);
    return problems;
  }
  const quizIds = new Set(lesson.meta.quizzes.map((q) => q.id));
  const placed = new Set<string>();
  for (const c of usage.components) {
    const rule = allowedComponents[c.name];
    if (!rule) {
      at(c.position, `unknown component <${c.name}>; allowed: ${Object.keys(allowedComponents).join(", ")}`);
      continue;
    }
    for (const attr of rule.required) if (!c.attributes[attr]) at(c.position, `<${c.name}> needs a ${attr}="…" attribute`);
    for (const [attr, values] of Object.entries(rule.values ?? {})) {
      const v = c.attributes[attr];
      if (v && !values.includes(v)) at(c.position, `<${c.name} ${attr}="${v}"> must be one of ${values.join(", ")}`);
    }
    if (c.name === "Quiz" && c.attributes.id) {
      if (!quizIds.has(c.attributes.id)) at(c.position, `<Quiz id="${c.attributes.id}"> has no quiz with that id in this file's frontmatter`);
      placed.add(c.attributes.id);
    }
  }
  for (const id of quizIds) if (!placed.has(id)) at({ line: 1, column: 1 }, `quiz "${id}" is defined but never placed with <Quiz id="${id}" />`);
  for (const s of usage.scripts) {
    at(s.position, s.kind === "import" ? "import/export is not allowed in lessons" : s.kind === "html" ? "raw HTML is not allowed; use Markdown or a lesson component" : "JavaScript expressions {…} are not allowed in lessons");
  }
  for (const img of usage.images) {
    if (!img.alt.trim()) at(img.position, `image ${img.url} needs alt text: ![what it shows](${img.url})`);
    if (/^https?:/.test(img.url)) at(img.position, "images must come from this course's media/ folder, not the internet");
    else if (!existsSync(path.join(env.contentDir, "courses", courseSlug, img.url.replace(/^\.\.\//, "")))) at(img.position, `image not found: ${img.url}`);
  }
  for (const link of usage.links) {
    const exercise = link.url.match(/^\/latihan\/([a-z0-9-]+)\/?$/);
    if (exercise && !exerciseSlugs.has(exercise[1]!)) at(link.position, `broken link ${link.url}: no exercise "${exercise[1]}"`);
    const m = link.url.match(/^(?:\.\.\/|\/kursus\/([a-z0-9-]+)\/)([a-z0-9-]+)\/?(?:#.*)?$/);
    if (!m) continue;
    const targetCourse = m[1] ?? courseSlug;
    if (!courseSlugs.get(targetCourse)?.has(m[2]!)) at(link.position, `broken link ${link.url}: no lesson "${m[2]}" in course ${targetCourse}`);
  }
  return problems;
}

/** 1-based lines that start an import/export statement outside fenced code blocks. */
export function findEsmLines(body: string): number[] {
  const lines: number[] = [];
  let fenced = false;
  body.split("\n").forEach((text, i) => {
    if (/^\s*(```|~~~)/.test(text)) fenced = !fenced;
    else if (!fenced && /^(import|export)\s/.test(text)) lines.push(i + 1);
  });
  return lines;
}

/** Every number in a file that looks like a real NIK, phone or bank account, at its line and column. */
export function realNumberProblems(file: string, source: string): Problem[] {
  return findRealLookingNumbers(source).map((f) => ({ file, ...lineColumn(source, f.index), message: f.message, severity: "error" as const }));
}

function frontmatterLinesOf(file: string): string[] {
  try {
    return splitFrontmatter(readFileSync(file, "utf8")).frontmatterLines;
  } catch {
    return [];
  }
}

/**
 * Honest minutes and JP (content/README.md, "Menit dan JP"): each lesson's `minutes` within
 * tolerance of its reading and exercise time, the course's `minutes` the sum over published
 * lessons and its `jp` derived from that sum.
 */
export function studyTimeProblems(course: CourseSource): Problem[] {
  const problems: Problem[] = [];
  let total = 0;
  for (const lesson of course.lessons) {
    const item = studyItemOf(lesson);
    const computed = lessonMinutes(item);
    if (!lesson.meta.draft) total += lesson.meta.minutes;
    if (Math.abs(lesson.meta.minutes - computed) <= minutesTolerance(computed)) continue;
    const work =
      item.kind === "dm"
        ? `${item.replies} replies to write and review`
        : item.kind === "hoax"
          ? "the four case tasks"
          : `${item.quizItems} quiz item(s) × 1 min`;
    problems.push({
      file: lesson.file,
      line: lineOfPath(frontmatterLinesOf(lesson.file), ["minutes"]),
      column: 1,
      message: `minutes: ${lesson.meta.minutes}, but the page holds about ${computed} (${item.words} words at ${READING_WPM}/min + ${work}); write minutes: ${computed}`,
      severity: "error",
    });
  }
  const courseLines = frontmatterLinesOf(course.file);
  if (course.meta.minutes !== total) {
    problems.push({ file: course.file, line: lineOfPath(courseLines, ["minutes"]), column: 1, message: `minutes: ${course.meta.minutes}, but the published lessons add up to ${total}; write minutes: ${total}`, severity: "error" });
  }
  const jp = courseJp([total]);
  if (course.meta.jp !== jp) {
    problems.push({ file: course.file, line: lineOfPath(courseLines, ["jp"]), column: 1, message: `jp: ${course.meta.jp}, but ${total} minutes of published lessons make ${jp} JP (45 minutes each, to the nearest 0.5); write jp: ${jp}`, severity: "error" });
  }
  return problems;
}

/** Quiz lint for every quiz of a lesson (lint.ts), at the frontmatter line of each finding. */
function quizLintProblems(lesson: LessonSource, lessonSlugs: Set<string>): Problem[] {
  const findings = lesson.meta.quizzes.flatMap((quiz, i) => lintQuiz(quiz, i, { final: lesson.meta.kind === "quiz", lessonSlugs }));
  if (!findings.length) return [];
  const lines = frontmatterLinesOf(lesson.file);
  return findings.map((f) => ({ file: lesson.file, line: lineOfPath(lines, f.path), column: 1, message: f.message, severity: f.severity }));
}

/** Fictional-number check over a course's files: course.mdx, lessons and text media (SVG). */
function courseNumberProblems(course: CourseSource): Problem[] {
  const files = [course.file, ...course.lessons.map((l) => l.file)];
  const media = path.join(path.dirname(course.file), "media");
  if (existsSync(media)) for (const name of readdirSync(media).sort()) if (name.endsWith(".svg")) files.push(path.join(media, name));
  return files.flatMap((file) => realNumberProblems(file, readFileSync(file, "utf8")));
}

/** Lesson slugs the app's own course pages use (routes kursus.$course.<slug>). */
const RESERVED_LESSON_SLUGS = new Set(["evaluasi"]);

/** Validates the whole content tree; problems are sorted by file and line. */
export async function checkContent(tree?: ContentTree): Promise<Problem[]> {
  tree ??= await loadContentTree();
  const problems = [...tree.problems];
  const courseSlugs = new Map(tree.courses.map((c) => [c.slug, new Set(c.lessons.map((l) => l.slug))]));
  const quizOwners = new Map<string, string>();
  // Exercises are addressed as /latihan/<slug> across courses, so their slugs must be unique.
  const exerciseOwners = new Map<string, string>();
  for (const course of tree.courses) {
    for (const lesson of course.lessons) {
      if (lesson.meta.kind !== "dm" && lesson.meta.kind !== "hoax") continue;
      const owner = exerciseOwners.get(lesson.slug);
      if (owner) problems.push({ file: lesson.file, line: 1, column: 1, message: `duplicate exercise slug "${lesson.slug}" (also ${owner})`, severity: "error" });
      exerciseOwners.set(lesson.slug, lesson.file);
    }
  }
  const exerciseSlugs = new Set(exerciseOwners.keys());
  for (const course of tree.courses) {
    if (course.lessons.length === 0) problems.push({ file: course.file, line: 1, column: 1, message: "course has no lessons", severity: "error" });
    problems.push(...studyTimeProblems(course), ...courseNumberProblems(course), ...curriculumProblems(course));
    const lessonSlugs = courseSlugs.get(course.slug)!;
    for (const lesson of course.lessons) {
      // /kursus/<course>/evaluasi is the course evaluation page (decision 016): a lesson there would be unreachable.
      if (RESERVED_LESSON_SLUGS.has(lesson.slug)) {
        problems.push({ file: lesson.file, line: 1, column: 1, message: `lesson slug "${lesson.slug}" is taken by a page of the course`, severity: "error" });
      }
      // One file at a time: esbuild is memory-hungry.
      problems.push(...(await checkLessonBody(lesson, courseSlugs, course.slug, exerciseSlugs)));
      if (lesson.meta.kind === "dm") problems.push(...checkDmLesson(course, lesson));
      if (lesson.meta.kind === "hoax") problems.push(...checkHoaxLesson(course, lesson));
      problems.push(...quizLintProblems(lesson, lessonSlugs));
      for (const quiz of lesson.meta.quizzes) {
        const owner = quizOwners.get(quiz.id);
        if (owner) problems.push({ file: lesson.file, line: 1, column: 1, message: `duplicate quiz id "${quiz.id}" (also in ${owner})`, severity: "error" });
        quizOwners.set(quiz.id, lesson.file);
        const qids = new Set<string>();
        for (const q of quiz.questions) {
          if (qids.has(q.id)) problems.push({ file: lesson.file, line: 1, column: 1, message: `duplicate question id "${q.id}" in quiz ${quiz.id}`, severity: "error" });
          qids.add(q.id);
        }
      }
    }
  }
  return problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
}

export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line}:${p.column} ${p.severity === "warning" ? "warning: " : ""}${p.message}`;
}
