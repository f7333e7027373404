import { getMDXComponent } from "mdx-bundler/client/index.js";
import { renderToStaticMarkup } from "react-dom/server";
import { mdxComponents } from "~/components/mdx";
import { LessonContext, type LessonQuizzes } from "~/components/mdx/lesson-context";
import type { Compiled } from "./compile.server";

const components = new Map<string, ReturnType<typeof getMDXComponent>>();

/**
 * Renders compiled lesson MDX to HTML on the server. The browser gets HTML only — no MDX
 * runtime, no `new Function` (so the CSP needs no unsafe-eval) and less JavaScript.
 */
export function renderMdxHtml(compiled: Compiled, context: LessonQuizzes): string {
  let Component = components.get(compiled.hash);
  if (!Component) {
    Component = getMDXComponent(compiled.code);
    components.set(compiled.hash, Component);
  }
  return renderToStaticMarkup(
    <LessonContext.Provider value={context}>
      <Component components={mdxComponents} />
    </LessonContext.Provider>,
  );
}
