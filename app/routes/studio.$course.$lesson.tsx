import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { LessonView } from "~/components/lesson-view";
import { checkLessonFile } from "~/content/check.server";
import { loadLessonPage } from "~/content/lesson-page.server";
import { getSyncedContentTree } from "~/content/sync.server";
import { useT } from "~/utils/i18n";
import { englishParts, getLang } from "~/utils/i18n.server";
import { pageTitle } from "~/utils/meta";
import { handleLoader } from "~/utils/pipeline.server";
import type { StringsHandle } from "~/i18n";
import { idPractice } from "~/i18n/id.practice";

export const handle: StringsHandle = { strings: { practice: idPractice } };

/**
 * Instructor preview: same renderer as learners, drafts included, no progress recorded; above
 * it, what `npm run content:check` says about this file (the same rules and words). A body that
 * does not compile or uses an unknown component is an inline error here, never a 500.
 */
export async function loader(args: LoaderFunctionArgs) {
  return handleLoader(args, { access: "studio:open" }, async ({ request, params, user }) => {
    const courseSlug = params.course ?? "";
    const lessonSlug = params.lesson ?? "";
    const checked = await checkLessonFile(await getSyncedContentTree(), courseSlug, lessonSlug);
    if (!checked) throw new Response("Not found", { status: 404 });
    const problems = checked.problems.map((p) => ({ line: p.line, column: p.column, message: p.message, severity: p.severity }));
    // A file whose frontmatter cannot be read is not a lesson yet: only its problems are shown.
    const page = checked.loaded ? await loadLessonPage(user, courseSlug, lessonSlug, true, getLang(request)) : null;
    return json({ i18n: englishParts(args.request, handle), course: courseSlug, file: checked.file, problems, page });
  });
}

export default function StudioPreview() {
  const t = useT();
  const { course, file, problems, page } = useLoaderData<typeof loader>();
  const errors = problems.filter((p) => p.severity === "error").length;
  return (
    <div className="stack">
      <section className={`alert file-check ${errors ? "error" : problems.length ? "info" : "success"}`} aria-labelledby="file-check-h">
        <h2 id="file-check-h">{problems.length ? t("studio.fileProblems", { errors, warnings: problems.length - errors }) : t("studio.fileOk")}</h2>
        <p className="meta">
          <code>{file}</code>
        </p>
        {problems.length ? (
          // content:check speaks Indonesian whatever the page language.
          <ul className="problems" lang="id">
            {problems.map((p) => (
              <li key={`${p.line}:${p.column}:${p.message}`} className={p.severity === "error" ? "bad" : "warn"}>
                <strong>{t("studio.lineColumn", { line: p.line, column: p.column })}</strong> {p.severity === "warning" ? `${t("studio.warning")}: ` : ""}
                {p.message}
              </li>
            ))}
          </ul>
        ) : null}
      </section>
      {page ? (
        <LessonView {...page} preview bodyNotice={page.bodyFailed ? t("studio.bodyFailed") : undefined} />
      ) : (
        <article className="stack">
          <p>
            <Link to="/studio">← {t("studio.title")}</Link> · <Link to={`/kursus/${course}`}>{course}</Link>
          </p>
          <p className="alert error">{t("studio.notALesson")}</p>
        </article>
      )}
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, null, data?.page?.lesson.title ?? data?.file ?? "");
