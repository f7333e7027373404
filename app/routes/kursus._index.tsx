import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { getSyncedContentTree } from "~/content/sync.server";
import { listCatalog, searchLessons } from "~/models/course.server";
import { useT } from "~/utils/i18n";
import { pageTitle } from "~/utils/meta";
import { handleLoader } from "~/utils/pipeline.server";
import { getDb } from "~/utils/db.server";

export async function loader(args: LoaderFunctionArgs) {
  return handleLoader(args, { access: "user" }, async ({ request, user }) => {
    const db = await getDb();
    await getSyncedContentTree();
    const q = (new URL(request.url).searchParams.get("q") ?? "").slice(0, 200);
    const [courses, hits] = await Promise.all([listCatalog(db, user.id), q.trim() ? searchLessons(db, q) : Promise.resolve(null)]);
    return json({ courses, hits, q });
  });
}

export default function Catalog() {
  const t = useT();
  const { courses, hits, q } = useLoaderData<typeof loader>();
  return (
    <section className="stack">
      <h1>{t("courses.title")}</h1>
      <Form method="get" role="search" className="row">
        <label htmlFor="q" className="visually-hidden">
          {t("courses.search")}
        </label>
        <input id="q" type="search" name="q" defaultValue={q} placeholder={t("courses.search")} style={{ maxWidth: "22rem" }} />
        <button type="submit" className="button secondary">
          {t("courses.searchSubmit")}
        </button>
      </Form>
      {hits ? (
        <div className="card" aria-live="polite">
          <h2>{t("courses.searchResults", { q })}</h2>
          {hits.length === 0 ? <p>{t("courses.noResults")}</p> : null}
          <ul className="outline">
            {hits.map((h) => (
              <li key={`${h.courseSlug}/${h.lessonSlug}`}>
                <div>
                  <Link to={`/kursus/${h.courseSlug}/${h.lessonSlug}`}>{h.lessonTitle}</Link>
                  <div className="meta">{h.courseTitle}</div>
                  <p className="meta">{h.snippet}</p>
                </div>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="course-grid">
        {courses.map((c) => {
          const percent = c.lessonCount ? Math.round((c.completedCount / c.lessonCount) * 100) : 0;
          return (
            <article key={c.id} className="card">
              <h2>
                <Link to={`/kursus/${c.slug}`}>{c.title}</Link>
              </h2>
              <p className="meta muted">
                {t(`courses.level.${c.level as "dasar"}`)} · {t("courses.minutes", { minutes: c.minutes })} · {t("courses.jp", { jp: c.jp })}
              </p>
              <p>{c.summary}</p>
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
              <p className="meta muted">{t("courses.progress", { done: c.completedCount, total: c.lessonCount })}</p>
            </article>
          );
        })}
      </div>
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "courses.title");
