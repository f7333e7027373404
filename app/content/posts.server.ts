/**
 * Loads post rewrites (`kind: post`) from content/courses/<course>/<NN-slug>.mdx for the CLI and
 * tests, as exercises.server.ts does for DM exercises: parse frontmatter, validate, return by slug.
 */
import { parsePost, type PostExercise } from "~/grading/post";
import { filesOfKind } from "./exercises.server";
import { withoutCurriculumFields } from "./schema";

/** Every post of the content tree by slug; throws naming the file when one is invalid or a slug is used twice. */
export function loadPosts(contentDir = "content"): Map<string, PostExercise> {
  const posts = new Map<string, PostExercise>();
  for (const { path, data, body } of filesOfKind("post", contentDir)) {
    const post = parsePost(withoutCurriculumFields(data), body, path);
    const previous = posts.get(post.slug);
    if (previous) throw new Error(`${path}: slug latihan "${post.slug}" sudah dipakai oleh ${previous.course}`);
    posts.set(post.slug, post);
  }
  return posts;
}
