/** Rough plain text of an MDX body for full-text search: tags, attributes and Markdown marks removed. */
export function mdxToPlainText(body: string): string {
  return body
    .replace(/<[A-Z][\w]*\b[^>]*?\b(?:do|dont)=\{\[([^\]]*)\]\}[^>]*\/>/g, (_, items: string) => items.replace(/["',]/g, " "))
    .replace(/<\/?[A-Za-z][^>]*>/g, " ")
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/[#*_`>|~-]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}
