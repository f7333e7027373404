/**
 * Lesson HTML rendered on the server from content/ only (see app/content/render.server.tsx);
 * content:check forbids raw HTML and scripts in lessons, and all data inside was escaped by React.
 */
export function MdxContent({ html }: { html: string }) {
  return <div className="prose" dangerouslySetInnerHTML={{ __html: html }} />;
}
