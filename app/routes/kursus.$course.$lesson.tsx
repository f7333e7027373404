import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { LessonContext } from "~/components/mdx/lesson-context";
import { MdxContent } from "~/components/mdx-content";
import { loadLessonPage, submitLessonForm } from "~/content/lesson-page.server";
import { requireUser } from "~/utils/auth.server";
import { assertSameOrigin } from "~/utils/csrf.server";
import { useT } from "~/utils/i18n";
import { pageTitle } from "~/utils/meta";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return json(await loadLessonPage(user, params.course ?? "", params.lesson ?? ""));
}

export async function action({ request, params }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const user = await requireUser(request);
  return redirect(await submitLessonForm(user, params.course ?? "", params.lesson ?? "", await request.formData()));
}

export default function LessonPage() {
  const data = useLoaderData<typeof loader>();
  return <LessonView {...data} />;
}

/** Shared by the learner page and the studio preview. */
export function LessonView(data: ReturnType<typeof useLoaderData<typeof loader>> & { preview?: boolean }) {
  const t = useT();
  const [params] = useSearchParams();
  const { course, lesson, code, quizzes, idempotencyKey, completed, canMarkComplete, prev, next, preview } = data;
  return (
    <article className="stack">
      <p>
        <Link to={`/kursus/${course.slug}`}>← {course.title}</Link>
      </p>
      {lesson.draft ? <p className="alert info">{t("lesson.draftNotice")}</p> : null}
      <header>
        <h1>{lesson.title}</h1>
        <p className="muted">
          {t(`courses.kind.${lesson.kind}`)} · {t("courses.minutes", { minutes: lesson.minutes })}
        </p>
      </header>
      {lesson.objectives.length ? (
        <section className="card">
          <h2>{t("lesson.objectives")}</h2>
          <ul>
            {lesson.objectives.map((o) => (
              <li key={o}>{o}</li>
            ))}
          </ul>
        </section>
      ) : null}
      <LessonContext.Provider value={{ passPercent: course.passPercent, idempotencyKey, quizzes }}>
        <MdxContent code={code} />
      </LessonContext.Provider>
      {lesson.kind === "quiz" && !completed ? <p className="alert info">{t("lesson.quizToComplete", { percent: course.passPercent })}</p> : null}
      {completed ? (
        <p className="alert success" role="status">
          {t("lesson.completed")}
        </p>
      ) : canMarkComplete && !preview ? (
        <Form method="post">
          <input type="hidden" name="intent" value="complete" />
          <button type="submit" className="button">
            {t("lesson.markComplete")}
          </button>
        </Form>
      ) : null}
      {params.get("selesai") && completed && next ? (
        <p>
          <Link className="button secondary" to={next.href}>
            {t("lesson.next", { title: next.title })}
          </Link>
        </p>
      ) : null}
      <nav className="lesson-nav" aria-label={t("courses.outline")}>
        {prev ? <Link to={prev.href}>← {t("lesson.previous", { title: prev.title })}</Link> : <span />}
        {next ? <Link to={next.href}>{t("lesson.next", { title: next.title })} →</Link> : <Link to={`/kursus/${course.slug}`}>{t("lesson.backToCourse")}</Link>}
      </nav>
    </article>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, null, data?.lesson.title ?? "");
