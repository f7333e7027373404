/**
 * Loads DM practice exercises (`kind: dm`) from content/courses/<course>/<NN-slug>.mdx.
 * The only I/O around the grader: parse frontmatter, validate, return by slug.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import matter from "gray-matter";
import { parseExercise, type Exercise } from "~/grading/rubric";
import { withoutCurriculumFields } from "./schema";

/** `06-dm-syarat-ktp.mdx` → `dm-syarat-ktp` */
export function exerciseSlug(fileName: string): string {
  return fileName.replace(/\.mdx$/, "").replace(/^\d+-/, "");
}

/** A content file of one lesson kind: its course folder, file name and path, frontmatter and body. */
export type KindFile = { course: string; file: string; path: string; data: Record<string, unknown>; body: string };

/**
 * Every `content/courses/*\/*.mdx` whose frontmatter says `kind: <kind>`, in course and file
 * order; throws naming the file when its YAML cannot be read.
 */
export function* filesOfKind(kind: string, contentDir = "content"): Generator<KindFile> {
  const coursesDir = join(contentDir, "courses");
  for (const course of readdirSync(coursesDir).sort()) {
    const courseDir = join(coursesDir, course);
    if (!statSync(courseDir).isDirectory()) continue;
    for (const file of readdirSync(courseDir).sort()) {
      if (!file.endsWith(".mdx")) continue;
      const path = join(courseDir, file);
      let parsed: matter.GrayMatterFile<string>;
      try {
        // No gray-matter cache: it would hand back stale data after an edit in dev.
        parsed = matter(readFileSync(path, "utf8"), {});
      } catch (e) {
        throw new Error(`${path}: frontmatter YAML tidak bisa dibaca: ${e instanceof Error ? e.message : String(e)}`);
      }
      if (parsed.data?.kind === kind) yield { course, file, path, data: parsed.data, body: parsed.content };
    }
  }
}

/**
 * Reads every DM exercise (`kind: dm`). Throws naming the file and field when frontmatter is
 * invalid or a slug is used twice.
 */
export function loadExercises(contentDir = "content"): Map<string, Exercise> {
  const exercises = new Map<string, Exercise>();
  const sources = new Map<string, string>();
  for (const { course, file, path, data, body } of filesOfKind("dm", contentDir)) {
    const slug = exerciseSlug(file);
    const exercise = parseExercise(withoutCurriculumFields(data), { slug, course, briefing: body, source: path });
    const previous = sources.get(slug);
    if (previous) throw new Error(`${path}: slug latihan "${slug}" sudah dipakai oleh ${previous}`);
    sources.set(slug, path);
    exercises.set(slug, exercise);
  }
  return exercises;
}
