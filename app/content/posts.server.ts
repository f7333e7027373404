/**
 * Loads post rewrites (`kind: post`) from content/courses/<course>/<NN-slug>.mdx for the CLI and
 * tests, as exercises.server.ts does for DM exercises: parse frontmatter, validate, return by slug.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import matter from "gray-matter";
import { parsePost, type PostExercise } from "~/grading/post";
import { withoutCurriculumFields } from "./schema";

/** Every post of the content tree by slug; throws naming the file when one is invalid or a slug is used twice. */
export function loadPosts(contentDir = "content"): Map<string, PostExercise> {
  const coursesDir = join(contentDir, "courses");
  const posts = new Map<string, PostExercise>();
  for (const course of readdirSync(coursesDir).sort()) {
    const courseDir = join(coursesDir, course);
    if (!statSync(courseDir).isDirectory()) continue;
    for (const file of readdirSync(courseDir).sort()) {
      if (!file.endsWith(".mdx")) continue;
      const path = join(courseDir, file);
      let parsed: matter.GrayMatterFile<string>;
      try {
        parsed = matter(readFileSync(path, "utf8"), {});
      } catch (e) {
        throw new Error(`${path}: frontmatter YAML tidak bisa dibaca: ${e instanceof Error ? e.message : String(e)}`);
      }
      if (parsed.data?.kind !== "post") continue;
      const post = parsePost(withoutCurriculumFields(parsed.data), parsed.content, path);
      const previous = posts.get(post.slug);
      if (previous) throw new Error(`${path}: slug latihan "${post.slug}" sudah dipakai oleh ${previous.course}`);
      posts.set(post.slug, post);
    }
  }
  return posts;
}
