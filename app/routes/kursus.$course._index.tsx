import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { loadCourseOutline } from "~/content/course-page.server";
import { MdxContent } from "~/components/mdx-content";
import { useT } from "~/utils/i18n";
import { getLang } from "~/utils/i18n.server";
import { pageTitle } from "~/utils/meta";
import { handleLoader } from "~/utils/pipeline.server";

export async function loader(args: LoaderFunctionArgs) {
  return handleLoader(args, { access: "user" }, async ({ request, params, user }) => {
    return json(await loadCourseOutline(user, params.course ?? "", getLang(request)));
  });
}

export default function CourseOutline() {
  const t = useT();
  const { course, html, items, percent, continueWith, evaluation, pretestFirst } = useLoaderData<typeof loader>();
  const done = items.filter((i) => i.completed).length;
  return (
    <section className="stack">
      <p>
        <Link to="/kursus">← {t("courses.title")}</Link>
      </p>
      <h1>{course.title}</h1>
      <p className="muted">
        {t(`courses.level.${course.level as "dasar"}`)} · {t("courses.minutes", { minutes: course.minutes })} · {t("courses.jp", { jp: course.jp })}
      </p>
      <p>
        <Link to={`/kursus/${course.slug}/kurikulum`}>{t("curriculum.link")}</Link>
      </p>
      <div className="card">
        <div
          className="progress"
          role="progressbar"
          aria-valuenow={percent}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-label={t("courses.percent", { percent })}
        >
          <span style={{ width: `${percent}%` }} />
        </div>
        <p>{t("courses.progress", { done, total: items.length })}</p>
        {continueWith ? (
          <Link className="button" to={`/kursus/${course.slug}/${continueWith.slug}`}>
            {pretestFirst ? t("quiz.final.pretestLink") : done === 0 ? t("courses.start") : t("courses.continue", { title: continueWith.title })}
          </Link>
        ) : (
          <p className="badge ok">{t("courses.allDone")}</p>
        )}
      </div>
      {evaluation ? (
        <div className="card">
          <p>{t(evaluation.submitted ? "eval.doneNote" : "eval.offer")}</p>
          <Link className={`button${evaluation.submitted ? " secondary" : ""}`} to={`/kursus/${course.slug}/evaluasi`}>
            {t(evaluation.submitted ? "eval.doneLink" : "eval.offerLink")}
          </Link>
        </div>
      ) : null}
      <MdxContent html={html} />
      <h2>{t("courses.outline")}</h2>
      <ol className="outline">
        {items.map((item) => (
          <li key={item.slug}>
            <div>
              <Link to={item.href}>{item.title}</Link>
              <div className="meta">
                {t(`courses.kind.${item.kind}`)} · {t("courses.minutes", { minutes: item.minutes })}
              </div>
            </div>
            <span className={`badge ${item.completed ? "ok" : item.started || item.awaitingReview ? "warn" : ""}`}>
              {t(
                item.completed
                  ? "courses.status.completed"
                  : item.awaitingReview
                    ? "courses.status.review"
                    : item.started
                      ? "courses.status.started"
                      : "courses.status.new",
              )}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, null, data?.course.title ?? "");
