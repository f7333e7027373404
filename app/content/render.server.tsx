import { getMDXComponent } from "mdx-bundler/client/index.js";
import { renderToStaticMarkup } from "react-dom/server";
import { mdxComponents } from "~/components/mdx";
import { Quiz } from "~/components/mdx/quiz";
import { LessonContext, useMdxT, type LessonQuizzes } from "~/components/mdx/lesson-context";
import type { Compiled } from "./compile.server";

const components = new Map<string, ReturnType<typeof getMDXComponent>>();
const pages = new Map<string, string>();
const KEY_SLOT = "__SIGAP_IDEMPOTENCY_KEY__";

/**
 * Renders compiled lesson MDX to HTML on the server. The browser gets HTML only — no MDX
 * runtime, no `new Function` (so the CSP needs no unsafe-eval) and less JavaScript.
 */
export function renderMdxHtml(compiled: Compiled, context: LessonQuizzes, opts: { preview?: boolean } = {}): string {
  // The studio preview draws a component the lessons may not use as an inline error where it
  // stands (content:check names it too); learners never get such a page, so it is not cached.
  const unknown = opts.preview ? unknownComponents(compiled) : [];
  if (unknown.length) return render(compiled, context, Object.fromEntries(unknown.map((name) => [name, unknownComponent(name)])));
  // Pages without quiz results or final-quiz attempts are identical for everyone but the form key: cache them.
  const shared = Object.values(context.quizzes).every((q) => !q.result && !q.final);
  if (!shared) return render(compiled, context);
  const cacheKey = `${compiled.hash}|${context.lang}|${context.action}|${context.passPercent}`;
  let html = pages.get(cacheKey);
  if (!html) {
    html = render(compiled, { ...context, idempotencyKey: KEY_SLOT });
    pages.set(cacheKey, html);
  }
  return html.replaceAll(KEY_SLOT, context.idempotencyKey);
}

/** One quiz outside any lesson body (the pre-test above lesson 1), rendered like a lesson's quiz. */
export function renderFinalQuizHtml(context: LessonQuizzes, quizId: string): string {
  return renderToStaticMarkup(
    <LessonContext.Provider value={context}>
      <Quiz id={quizId} />
    </LessonContext.Provider>,
  );
}

/** Capitalised JSX names in the body that are not lesson components (lowercase ones are plain HTML, refused by content:check). */
function unknownComponents(compiled: Compiled): string[] {
  const known = new Set(Object.keys(mdxComponents));
  return [...new Set(compiled.usage.components.map((c) => c.name))].filter((n) => /^[A-Z][\w]*$/.test(n) && !known.has(n));
}

function unknownComponent(name: string) {
  return function Unknown() {
    const t = useMdxT();
    return (
      <span className="inline-error" role="note">
        {t("mdx.unknownComponent", { name: `<${name}>` })}
      </span>
    );
  };
}

function render(compiled: Compiled, context: LessonQuizzes, extra: Record<string, () => JSX.Element> = {}): string {
  let Component = components.get(compiled.hash);
  if (!Component) {
    Component = getMDXComponent(compiled.code);
    components.set(compiled.hash, Component);
  }
  return renderToStaticMarkup(
    <LessonContext.Provider value={context}>
      <Component components={{ ...mdxComponents, ...extra }} />
    </LessonContext.Provider>,
  );
}
