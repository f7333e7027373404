import { mediaFileOf, mediaUrl } from "~/content/media-path";
import { useLessonQuizzes } from "./lesson-context";

/**
 * A Markdown image from the course's media/ folder, sized for a cheap phone: never wider than
 * the text, its pixel size in width/height so the page does not jump, loaded when scrolled near.
 * content:check refuses images without alt text or outside media/; such a src draws nothing here.
 */
export function LessonImage({ src, alt }: { src?: string; alt?: string }) {
  const { media } = useLessonQuizzes();
  const file = src ? mediaFileOf(src) : null;
  if (!file || !media) return null;
  const size = media.sizes[file];
  return (
    <img
      className="lesson-image"
      src={mediaUrl(media.course, file)}
      alt={alt ?? ""}
      width={size?.width}
      height={size?.height}
      loading="lazy"
      decoding="async"
    />
  );
}
