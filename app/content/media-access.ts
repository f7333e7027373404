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

// Per content tree (read once in production): which files each published course shows publicly.
// Images are requested one by one, so the lessons' bodies are scanned once, not per request.
const publicFilesByTree = new WeakMap<ContentTree, Map<string, Set<string>>>();

function publicFiles(tree: ContentTree): Map<string, Set<string>> {
  let byCourse = publicFilesByTree.get(tree);
  if (byCourse) return byCourse;
  byCourse = new Map();
  for (const course of tree.courses) {
    if (course.meta.draft) continue;
    const files = imagesIn(course.body);
    for (const lesson of course.lessons) {
      if (lesson.meta.draft) continue;
      const claim = claimImage(lesson.data);
      if (claim) files.add(claim);
      for (const f of imagesIn(lesson.body)) files.add(f);
    }
    byCourse.set(course.slug, files);
  }
  publicFilesByTree.set(tree, byCourse);
  return byCourse;
}

/**
 * A media file is public only when a published page of a published course shows it (a hoax
 * claim image or a Markdown image). Anything else, draft-only or not shown anywhere yet, is
 * for those who may preview drafts. Pure: works on the content tree already read from disk.
 */
export function mediaAudience(tree: ContentTree, courseSlug: string, file: string): MediaAudience {
  return publicFiles(tree).get(courseSlug)?.has(file) ? "everyone" : "previewers";
}
