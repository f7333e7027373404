import { Form, Link, useSearchParams } from "@remix-run/react";
import type { LessonActionResult, loadLessonPage } from "~/content/lesson-page.server";
import { useT } from "~/utils/i18n";
import { MdxContent } from "./mdx-content";
import type { Serialized } from "~/utils/serialized";

type LessonPageData = Awaited<ReturnType<typeof loadLessonPage>>;

/** Shared by the learner page and the studio preview. */
export function LessonView(
  data: Serialized<LessonPageData> & {
    preview?: boolean;
    formError?: Extract<LessonActionResult, { error: unknown }>["error"];
    /** Studio preview: shown instead of a body that cannot be drawn (already translated). */
    bodyNotice?: string;
  },
) {
  const t = useT();
  const [params] = useSearchParams();
  const { course, lesson, html, completed, canMarkComplete, prev, next, preview, formError } = data;
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
      {formError ? (
        <p className="alert error" role="alert">
          {t(formError)}
        </p>
      ) : null}
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
      {data.bodyNotice ? (
        <p className="alert error" role="alert">
          {data.bodyNotice}
        </p>
      ) : (
        <MdxContent html={html} />
      )}
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
