import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { compileMdx } from "./compile.server";
import { curriculumProblems } from "./curriculum-check.server";
import { lineOfPath, splitFrontmatter } from "./frontmatter";
import { courseJp, lessonMinutes, minutesTolerance, READING_WPM, studyItemOf } from "./jp";
import { findRealLookingNumbers, lineColumn, lintQuiz } from "./lint";
import type { MdxUsage } from "./mdx-inspect";
import { mediaFileOf } from "./media-path";
import { loadContentTree, type ContentTree, type CourseSource, type LessonSource, type Problem } from "./repository.server";
import { env } from "~/utils/env.server";
import { isExerciseKind } from "~/exercises/kinds";
import { checkExerciseLesson } from "~/exercises/registry.server";

/** Components lessons may use, with their required attributes and allowed values. */
export const allowedComponents: Record<string, { required: string[]; values?: Record<string, string[]> }> = {
  Callout: { required: ["kind"], values: { kind: ["tip", "warning", "rule"] } },
  DoDont: { required: [] },
  Example: { required: ["channel"], values: { channel: ["instagram", "whatsapp", "facebook", "x"] } },
  Glossary: { required: ["term"] },
  Quiz: { required: ["id"] },
};

/**
 * Lesson images (content/README.md, "Gambar"): alt text that says what the image shows, and a
 * file directly in this course's media/ folder with a name and type /media/<course>/<file> serves.
 */
export function imageProblems(file: string, images: MdxUsage["images"], courseSlug: string): Problem[] {
  const problems: Problem[] = [];
  const at = (position: { line: number; column: number }, message: string) => problems.push({ file, ...position, message, severity: "error" });
  for (const img of images) {
    if (!img.alt.trim()) at(img.position, `gambar ${img.url} memerlukan teks alternatif: ![apa yang tampak di gambar](${img.url})`);
    const name = mediaFileOf(img.url);
    if (/^[a-z][a-z0-9+.-]*:/i.test(img.url)) at(img.position, `gambar ${img.url} harus berasal dari folder media/ kursus ini, bukan dari internet`);
    else if (!name) at(img.position, `gambar ${img.url} harus berupa berkas langsung di folder media/ kursus ini (huruf, angka, - atau _; .svg, .png, .jpg, .webp), misalnya media/contoh.png`);
    else if (!existsSync(path.join(env.contentDir, "courses", courseSlug, "media", name))) at(img.position, `gambar tidak ditemukan: ${img.url} (tidak ada berkas ${name} di folder media/ kursus ini)`);
  }
  return problems;
}

async function checkLessonBody(lesson: LessonSource, courseSlugs: Map<string, Set<string>>, courseSlug: string, exerciseSlugs: Set<string>): Promise<Problem[]> {
  const problems: Problem[] = [];
  const at = (position: { line: number; column: number }, message: string, severity: Problem["severity"] = "error") =>
    problems.push({ file: lesson.file, line: position.line, column: position.column, message, severity });
  // Imports are refused before compiling, so the author sees the real line (esbuild would fail elsewhere).
  const esm = findEsmLines(lesson.body);
  for (const line of esm) at({ line, column: 1 }, "import/export tidak boleh dipakai di pelajaran");
  if (esm.length) return problems;
  let usage;
  try {
    usage = (await compileMdx(lesson.body)).usage;
  } catch (error) {
    const e = error as { errors?: { location?: { line: number; column: number }; text: string }[]; message: string };
    const first = e.errors?.[0];
    // @mdx-js/esbuild wraps the real message ("10:1-10:34: Expected a closing tag…") in a header line.
    const text = (first?.text ?? e.message).split("\n").map((l) => l.trim()).filter(Boolean).pop() ?? "";
    at(first?.location ? { line: first.location.line, column: first.location.column + 1 } : { line: 1, column: 1 }, `sintaks MDX salah: ${text.replace(/^\d+:\d+-\d+:\d+:\s*/, "")}`);
    return problems;
  }
  const quizIds = new Set(lesson.meta.quizzes.map((q) => q.id));
  const placed = new Set<string>();
  for (const c of usage.components) {
    const rule = allowedComponents[c.name];
    if (!rule) {
      at(c.position, `komponen <${c.name}> tidak dikenal; yang boleh: ${Object.keys(allowedComponents).join(", ")}`);
      continue;
    }
    for (const attr of rule.required) if (!c.attributes[attr]) at(c.position, `<${c.name}> memerlukan atribut ${attr}="…"`);
    for (const [attr, values] of Object.entries(rule.values ?? {})) {
      const v = c.attributes[attr];
      if (v && !values.includes(v)) at(c.position, `<${c.name} ${attr}="${v}"> harus salah satu dari ${values.join(", ")}`);
    }
    if (c.name === "Quiz" && c.attributes.id) {
      if (!quizIds.has(c.attributes.id)) at(c.position, `<Quiz id="${c.attributes.id}">: tidak ada kuis dengan id itu di frontmatter berkas ini`);
      placed.add(c.attributes.id);
    }
  }
  for (const id of quizIds) if (!placed.has(id)) at({ line: 1, column: 1 }, `kuis "${id}" didefinisikan tetapi tidak pernah ditempatkan dengan <Quiz id="${id}" />`);
  for (const s of usage.scripts) {
    at(
      s.position,
      s.kind === "import"
        ? "import/export tidak boleh dipakai di pelajaran"
        : s.kind === "html"
          ? "HTML mentah tidak boleh dipakai; gunakan Markdown atau komponen pelajaran"
          : "ekspresi JavaScript {…} tidak boleh dipakai di pelajaran",
    );
  }
  problems.push(...imageProblems(lesson.file, usage.images, courseSlug));
  for (const link of usage.links) {
    const exercise = link.url.match(/^\/latihan\/([a-z0-9-]+)\/?$/);
    if (exercise && !exerciseSlugs.has(exercise[1]!)) at(link.position, `tautan patah ${link.url}: tidak ada latihan "${exercise[1]}"`);
    const m = link.url.match(/^(?:\.\.\/|\/kursus\/([a-z0-9-]+)\/)([a-z0-9-]+)\/?(?:#.*)?$/);
    if (!m) continue;
    const targetCourse = m[1] ?? courseSlug;
    if (!courseSlugs.get(targetCourse)?.has(m[2]!)) at(link.position, `tautan patah ${link.url}: tidak ada pelajaran "${m[2]}" di kursus ${targetCourse}`);
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

/** A lesson's `minutes` against its reading and exercise time (content/README.md, "Menit dan JP"). */
function lessonMinutesProblem(lesson: LessonSource): Problem | null {
  const item = studyItemOf(lesson);
  const computed = lessonMinutes(item);
  if (Math.abs(lesson.meta.minutes - computed) <= minutesTolerance(computed)) return null;
  const work =
    item.kind === "dm"
      ? `${item.replies} balasan untuk ditulis dan ditinjau`
      : item.kind === "hoax"
        ? "empat tugas kasus"
        : item.kind === "post"
          ? "menulis ulang unggahan dan teks alternatif, lalu membaca umpan balik"
          : `${item.quizItems} soal kuis × 1 menit`;
  return {
    file: lesson.file,
    line: lineOfPath(frontmatterLinesOf(lesson.file), ["minutes"]),
    column: 1,
    message: `minutes: ${lesson.meta.minutes}, padahal isi halaman sekitar ${computed} menit (${item.words} kata, ${READING_WPM} kata/menit + ${work}); tulis minutes: ${computed}`,
    severity: "error",
  };
}

/**
 * Honest minutes and JP (content/README.md, "Menit dan JP"): each lesson's `minutes` within
 * tolerance of its reading and exercise time, the course's `minutes` the sum over published
 * lessons and its `jp` derived from that sum.
 */
export function studyTimeProblems(course: CourseSource): Problem[] {
  return [...course.lessons.flatMap((l) => lessonMinutesProblem(l) ?? []), ...courseStudyTimeProblems(course)];
}

function courseStudyTimeProblems(course: CourseSource): Problem[] {
  const problems: Problem[] = [];
  const total = course.lessons.reduce((sum, l) => sum + (l.meta.draft ? 0 : l.meta.minutes), 0);
  const courseLines = frontmatterLinesOf(course.file);
  if (course.meta.minutes !== total) {
    problems.push({ file: course.file, line: lineOfPath(courseLines, ["minutes"]), column: 1, message: `minutes: ${course.meta.minutes}, padahal jumlah pelajaran yang terbit ${total}; tulis minutes: ${total}`, severity: "error" });
  }
  const jp = courseJp([total]);
  if (course.meta.jp !== jp) {
    problems.push({ file: course.file, line: lineOfPath(courseLines, ["jp"]), column: 1, message: `jp: ${course.meta.jp}, padahal ${total} menit pelajaran terbit = ${jp} JP (45 menit per JP, dibulatkan ke 0,5 terdekat); tulis jp: ${jp}`, severity: "error" });
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

/** Fictional-number check over course.mdx and the course's text media (SVG); lessons are checked one by one. */
function courseNumberProblems(course: CourseSource): Problem[] {
  const files = [course.file];
  const media = path.join(path.dirname(course.file), "media");
  if (existsSync(media)) for (const name of readdirSync(media).sort()) if (name.endsWith(".svg")) files.push(path.join(media, name));
  return files.flatMap((file) => realNumberProblems(file, readFileSync(file, "utf8")));
}

/** What checking one file needs to know about the others: slugs to link to, and ids used twice. */
type TreeIndex = { courseSlugs: Map<string, Set<string>>; exerciseSlugs: Set<string>; duplicates: Problem[] };

function indexTree(tree: ContentTree): TreeIndex {
  const courseSlugs = new Map(tree.courses.map((c) => [c.slug, new Set(c.lessons.map((l) => l.slug))]));
  const duplicates: Problem[] = [];
  const duplicate = (file: string, message: string) => duplicates.push({ file, line: 1, column: 1, message, severity: "error" });
  // Exercises are addressed as /latihan/<slug> across courses, so their slugs must be unique; so are quiz ids.
  const exerciseOwners = new Map<string, string>();
  const quizOwners = new Map<string, string>();
  for (const course of tree.courses) {
    for (const lesson of course.lessons) {
      if (isExerciseKind(lesson.meta.kind)) {
        const owner = exerciseOwners.get(lesson.slug);
        if (owner) duplicate(lesson.file, `slug latihan "${lesson.slug}" dipakai dua kali (juga ${owner})`);
        exerciseOwners.set(lesson.slug, lesson.file);
      }
      for (const quiz of lesson.meta.quizzes) {
        const owner = quizOwners.get(quiz.id);
        if (owner) duplicate(lesson.file, `id kuis "${quiz.id}" dipakai dua kali (juga di ${owner})`);
        quizOwners.set(quiz.id, lesson.file);
        const qids = new Set<string>();
        for (const q of quiz.questions) {
          if (qids.has(q.id)) duplicate(lesson.file, `id soal "${q.id}" dipakai dua kali di kuis ${quiz.id}`);
          qids.add(q.id);
        }
      }
    }
  }
  return { courseSlugs, exerciseSlugs: new Set(exerciseOwners.keys()), duplicates };
}

/** Lesson slugs the app's own course pages use (routes kursus.$course.<slug>). */
const RESERVED_LESSON_SLUGS = new Set(["evaluasi"]);

/**
 * Every rule that concerns one lesson file, in file order of discovery. `curriculum` is the
 * course's curriculum problems: the whole-tree check computes them once per course and passes
 * them in; the single-file preview lets them be computed here.
 */
async function lessonProblems(index: TreeIndex, course: CourseSource, lesson: LessonSource, curriculum = curriculumProblems(course)): Promise<Problem[]> {
  const problems: Problem[] = index.duplicates.filter((p) => p.file === lesson.file);
  // /kursus/<course>/evaluasi is the course evaluation page (decision 016): a lesson there would be unreachable.
  if (RESERVED_LESSON_SLUGS.has(lesson.slug)) {
    problems.push({ file: lesson.file, line: 1, column: 1, message: `slug pelajaran "${lesson.slug}" sudah dipakai halaman kursus`, severity: "error" });
  }
  problems.push(...curriculum.filter((p) => p.file === lesson.file));
  const minutes = lessonMinutesProblem(lesson);
  if (minutes) problems.push(minutes);
  problems.push(...realNumberProblems(lesson.file, readFileSync(lesson.file, "utf8")));
  problems.push(...(await checkLessonBody(lesson, index.courseSlugs, course.slug, index.exerciseSlugs)));
  problems.push(...checkExerciseLesson(course, lesson));
  problems.push(...quizLintProblems(lesson, index.courseSlugs.get(course.slug)!));
  return problems;
}

const byPosition = (a: Problem, b: Problem) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column;

/** Validates the whole content tree (`npm run content:check`); problems are sorted by file and line. */
export async function checkContent(tree?: ContentTree): Promise<Problem[]> {
  tree ??= await loadContentTree();
  const index = indexTree(tree);
  const problems = [...tree.problems];
  for (const course of tree.courses) {
    if (course.lessons.length === 0) problems.push({ file: course.file, line: 1, column: 1, message: "kursus belum punya pelajaran", severity: "error" });
    const lessonFiles = new Set(course.lessons.map((l) => l.file));
    // The curriculum rules of each lesson file come with its other problems (lessonProblems).
    const curriculum = curriculumProblems(course);
    problems.push(...courseStudyTimeProblems(course), ...courseNumberProblems(course), ...curriculum.filter((p) => !lessonFiles.has(p.file)));
    // One file at a time: esbuild is memory-hungry.
    for (const lesson of course.lessons) problems.push(...(await lessonProblems(index, course, lesson, curriculum)));
  }
  return problems.sort(byPosition);
}

/**
 * The problems content:check reports for one lesson file — the same rules, the same words —
 * for the studio preview. `loaded` is false when the file exists but could not be read as a
 * lesson (bad YAML or frontmatter): then only those problems are known. Null: no such file.
 */
export async function checkLessonFile(tree: ContentTree, courseSlug: string, lessonSlug: string): Promise<{ file: string; loaded: boolean; problems: Problem[] } | null> {
  const course = tree.courses.find((c) => c.slug === courseSlug);
  const lesson = course?.lessons.find((l) => l.slug === lessonSlug);
  if (course && lesson) return { file: lesson.file, loaded: true, problems: (await lessonProblems(indexTree(tree), course, lesson)).sort(byPosition) };
  // A file the tree left out: find it by its name (NN-<slug>.mdx) among the reported problems.
  const name = new RegExp(`(^|/)courses/${courseSlug}/\\d{2}-${lessonSlug}\\.mdx$`);
  const problems = /^[a-z0-9-]+$/.test(courseSlug) && /^[a-z0-9-]+$/.test(lessonSlug) ? tree.problems.filter((p) => name.test(p.file)) : [];
  return problems.length ? { file: problems[0]!.file, loaded: false, problems: problems.sort(byPosition) } : null;
}

const checkedTrees = new WeakMap<ContentTree, Promise<Problem[]>>();

/**
 * checkContent for the running app (the studio index), once per content tree: the tree is read
 * once in production, so the whole check (seconds: every DM example is graded) runs once too;
 * in development every request reads a new tree and gets a fresh check.
 */
export function checkContentOnce(tree: ContentTree): Promise<Problem[]> {
  let problems = checkedTrees.get(tree);
  if (!problems) {
    problems = checkContent(tree);
    checkedTrees.set(tree, problems);
    problems.catch(() => checkedTrees.delete(tree));
  }
  return problems;
}

export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line}:${p.column} ${p.severity === "warning" ? "peringatan: " : ""}${p.message}`;
}
