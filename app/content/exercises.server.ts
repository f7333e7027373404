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

/**
 * Reads every `content/courses/*\/*.mdx` whose frontmatter says `kind: dm`.
 * Throws naming the file and field when frontmatter is invalid or a slug is used twice.
 */
export function loadExercises(contentDir = "content"): Map<string, Exercise> {
  const coursesDir = join(contentDir, "courses");
  const exercises = new Map<string, Exercise>();
  const sources = new Map<string, string>();
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
      if (parsed.data?.kind !== "dm") continue;
      const slug = exerciseSlug(file);
      const exercise = parseExercise(withoutCurriculumFields(parsed.data), { slug, course, briefing: parsed.content, source: path });
      const previous = sources.get(slug);
      if (previous) throw new Error(`${path}: slug latihan "${slug}" sudah dipakai oleh ${previous}`);
      sources.set(slug, path);
      exercises.set(slug, exercise);
    }
  }
  return exercises;
}
