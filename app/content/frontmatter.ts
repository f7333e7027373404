import matter from "gray-matter";

export type SplitFile = {
  data: Record<string, unknown>;
  /** The body with the frontmatter replaced by blank lines, so MDX positions equal file lines. */
  body: string;
  frontmatterLines: string[];
};

/** Splits YAML frontmatter from an MDX file. Throws gray-matter's YAML error (with its line) on bad YAML. */
export function splitFrontmatter(source: string): SplitFile {
  const parsed = matter(source);
  const fmEnd = source.length - parsed.content.length;
  const head = source.slice(0, fmEnd);
  const lineCount = head.split("\n").length - 1;
  return {
    data: parsed.data as Record<string, unknown>,
    body: "\n".repeat(lineCount) + parsed.content,
    frontmatterLines: head.split("\n"),
  };
}

/**
 * Best-effort line (1-based) of a frontmatter field from a zod issue path: walks the YAML
 * lines, matching each key, or the n-th list item, inside the block found so far.
 */
export function lineOfPath(lines: string[], path: (string | number)[]): number {
  let start = 0;
  let parentIndent = -1;
  const indentOf = (l: string) => l.length - l.trimStart().length;
  const inBlock = (l: string) => l.trim() === "" || l.trim() === "---" || indentOf(l) > parentIndent;
  for (const part of path) {
    let found = -1;
    if (typeof part === "number") {
      let itemIndent = -1;
      let seen = -1;
      for (let i = start + (parentIndent >= 0 ? 1 : 0); i < lines.length && inBlock(lines[i]!); i++) {
        const l = lines[i]!;
        if (!l.trimStart().startsWith("- ")) continue;
        if (itemIndent === -1) itemIndent = indentOf(l);
        if (indentOf(l) !== itemIndent) continue;
        if (++seen === part) {
          found = i;
          break;
        }
      }
      if (found === -1) break;
      start = found;
      parentIndent = itemIndent;
    } else {
      for (let i = start; i < lines.length; i++) {
        const l = lines[i]!;
        if (i > start && !inBlock(l)) break;
        const key = l.trimStart().replace(/^- /, "");
        if (key.startsWith(`${part}:`)) {
          found = i;
          break;
        }
      }
      if (found === -1) break;
      start = found;
      const l = lines[found]!;
      parentIndent = indentOf(l) + (l.trimStart().startsWith("- ") ? 2 : 0);
    }
  }
  return start + 1;
}
