import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { env } from "~/utils/env.server";
import { lineOfPath, splitFrontmatter } from "./frontmatter";
import { contentHash } from "./compile.server";
import { courseFrontmatter, lessonFrontmatter, parseLessonFileName, slugPattern, type CourseFrontmatter, type LessonFrontmatter } from "./schema";

export type Problem = { file: string; line: number; column: number; message: string; severity: "error" | "warning" };

export type LessonSource = {
  slug: string;
  position: number;
  file: string;
  meta: LessonFrontmatter;
  /** Raw frontmatter (kind-specific fields such as a DM rubric live here; never sent to the browser). */
  data: Record<string, unknown>;
  body: string;
  hash: string;
};

export type CourseSource = {
  slug: string;
  file: string;
  meta: CourseFrontmatter;
  body: string;
  hash: string;
  lessons: LessonSource[];
};

export type ContentTree = { courses: CourseSource[]; problems: Problem[] };

/** content:check speaks Indonesian (content/README.md); zod's own messages too. */
export const indonesianErrors = { error: z.locales.id().localeError };

function zodProblems(file: string, lines: string[], error: z.ZodError): Problem[] {
  return error.issues.map((issue) => ({
    file,
    line: lineOfPath(lines, issue.path as (string | number)[]),
    column: 1,
    message: `${issue.path.join(".") || "frontmatter"}: ${issue.message}`,
    severity: "error" as const,
  }));
}

async function readSplit(file: string, problems: Problem[]) {
  const source = await readFile(file, "utf8");
  try {
    return { source, ...splitFrontmatter(source) };
  } catch (error) {
    const mark = (error as { mark?: { line: number; column: number } }).mark;
    problems.push({ file, line: (mark?.line ?? 0) + 2, column: (mark?.column ?? 0) + 1, message: `YAML frontmatter salah: ${(error as Error).message.split("\n")[0]}`, severity: "error" });
    return null;
  }
}

/**
 * Reads every course under `contentDir/courses`: validates frontmatter, orders lessons by
 * their NN- prefix and reports problems with file and line instead of throwing.
 */
export async function loadContentTree(contentDir = env.contentDir): Promise<ContentTree> {
  const problems: Problem[] = [];
  const courses: CourseSource[] = [];
  const root = path.join(contentDir, "courses");
  const rel = (f: string) => path.relative(process.cwd(), f);
  const dirs = (await readdir(root, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name).sort();
  for (const slug of dirs) {
    const dir = path.join(root, slug);
    const courseFile = path.join(dir, "course.mdx");
    if (!slugPattern.test(slug)) problems.push({ file: rel(dir), line: 1, column: 1, message: `nama folder kursus "${slug}" harus huruf kecil dan tanda hubung (mis. verifikasi-hoaks)`, severity: "error" });
    const files = (await readdir(dir)).sort();
    if (!files.includes("course.mdx")) {
      problems.push({ file: rel(courseFile), line: 1, column: 1, message: "berkas course.mdx tidak ada", severity: "error" });
      continue;
    }
    const split = await readSplit(courseFile, problems);
    if (!split) continue;
    const meta = courseFrontmatter.safeParse(split.data, indonesianErrors);
    if (!meta.success) {
      problems.push(...zodProblems(rel(courseFile), split.frontmatterLines, meta.error));
      continue;
    }
    const lessons: LessonSource[] = [];
    const seen = new Map<string, string>();
    for (const name of files) {
      if (name === "course.mdx" || !name.endsWith(".mdx")) continue;
      const file = path.join(dir, name);
      const parsedName = parseLessonFileName(name);
      if (!parsedName) {
        problems.push({ file: rel(file), line: 1, column: 1, message: "nama berkas pelajaran harus berbentuk 03-slug-pelajaran.mdx", severity: "error" });
        continue;
      }
      if (seen.has(parsedName.slug)) {
        problems.push({ file: rel(file), line: 1, column: 1, message: `slug pelajaran "${parsedName.slug}" dipakai dua kali (juga ${seen.get(parsedName.slug)})`, severity: "error" });
        continue;
      }
      seen.set(parsedName.slug, name);
      const lesson = await readSplit(file, problems);
      if (!lesson) continue;
      const lm = lessonFrontmatter.safeParse(lesson.data, indonesianErrors);
      if (!lm.success) {
        problems.push(...zodProblems(rel(file), lesson.frontmatterLines, lm.error));
        continue;
      }
      lessons.push({
        ...parsedName,
        file: rel(file),
        meta: lm.data,
        data: lesson.data,
        body: lesson.body,
        hash: contentHash(lesson.source),
      });
    }
    courses.push({ slug, file: rel(courseFile), meta: meta.data, body: split.body, hash: contentHash(split.source), lessons });
  }
  courses.sort((a, b) => a.meta.order - b.meta.order || a.slug.localeCompare(b.slug));
  return { courses, problems };
}

let cached: Promise<ContentTree> | null = null;

/** The content tree, read once in production and on every call in development (so edits show up). */
export function getContentTree(): Promise<ContentTree> {
  if (!env.isProduction) return loadContentTree();
  cached ??= loadContentTree();
  return cached;
}
