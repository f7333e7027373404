import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { env } from "~/utils/env.server";
import { imageSize, mediaFileOf, type ImageSize } from "./media-path";

const sizes = new Map<string, { mtimeMs: number; size: ImageSize | null }>();

/**
 * Pixel sizes of the images a lesson shows, by file name, read from the course's media/ folder
 * (re-read only when a file changes). Missing or unreadable files are left out. In production the
 * content tree is read once per process (repository.server.ts), so a size once read is kept too:
 * no `stat` per image per page (4 % of a lesson page's CPU in a profile).
 */
export async function lessonImageSizes(courseSlug: string, urls: string[]): Promise<Record<string, ImageSize>> {
  const out: Record<string, ImageSize> = {};
  for (const url of urls) {
    const file = mediaFileOf(url);
    if (!file) continue;
    const full = path.join(env.contentDir, "courses", courseSlug, "media", file);
    const known = env.isProduction ? sizes.get(full) : undefined;
    if (known) {
      if (known.size) out[file] = known.size;
      continue;
    }
    try {
      const { mtimeMs } = await stat(full);
      let hit = sizes.get(full);
      if (!hit || hit.mtimeMs !== mtimeMs) {
        hit = { mtimeMs, size: imageSize(await readFile(full), file) };
        sizes.set(full, hit);
      }
      if (hit.size) out[file] = hit.size;
    } catch {
      // content:check reports a missing image
    }
  }
  return out;
}
