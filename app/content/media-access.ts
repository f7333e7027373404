import type { ContentTree } from "./repository.server";

/** Who may load a file from a course's media/ folder. */
export type MediaAudience = "everyone" | "previewers";

// Markdown images point into the course folder: ./media/x.svg, media/x.svg or ../media/x.svg.
const markdownImage = /!\[[^\]]*\]\(\s*<?(?:\.{1,2}\/)?media\/([^)\s>]+)/g;

function imagesIn(body: string): Set<string> {
  return new Set([...body.matchAll(markdownImage)].map((m) => m[1]!));
}

function claimImage(data: Record<string, unknown>): string | null {
  const src = (data.claim as { image?: { src?: unknown } } | undefined)?.image?.src;
  return typeof src === "string" ? src.replace(/^\.\/media\//, "") : null;
}

/**
 * A media file is public only when a published page of a published course shows it (a hoax
 * claim image or a Markdown image). Anything else, draft-only or not shown anywhere yet, is
 * for those who may preview drafts. Pure: works on the content tree already read from disk.
 */
export function mediaAudience(tree: ContentTree, courseSlug: string, file: string): MediaAudience {
  const course = tree.courses.find((c) => c.slug === courseSlug);
  if (!course || course.meta.draft) return "previewers";
  if (imagesIn(course.body).has(file)) return "everyone";
  for (const lesson of course.lessons) {
    if (lesson.meta.draft) continue;
    if (claimImage(lesson.data) === file || imagesIn(lesson.body).has(file)) return "everyone";
  }
  return "previewers";
}
