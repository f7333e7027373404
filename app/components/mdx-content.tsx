/**
 * Lesson HTML rendered on the server from content/ only (see app/content/render.server.tsx);
 * content:check forbids raw HTML and scripts in lessons, and all data inside was escaped by React.
 *
 * An empty `html` in the browser means the document's page data left the HTML out because the
 * server's markup already holds it (app/utils/server-html.ts): hydration keeps that DOM as it is
 * (React neither compares nor rewrites inner HTML when hydrating) and a later render with the same
 * empty value changes nothing. Client navigations bring the HTML in their data and replace it.
 */
export function MdxContent({ html }: { html: string }) {
  return <div className="prose" dangerouslySetInnerHTML={{ __html: html }} suppressHydrationWarning />;
}
