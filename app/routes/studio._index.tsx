import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { checkContentOnce } from "~/content/check.server";
import { getSyncedContentTree } from "~/content/sync.server";
import { useT } from "~/utils/i18n";
import { pageTitle } from "~/utils/meta";
import { handleLoader } from "~/utils/pipeline.server";
import type { StringsHandle } from "~/i18n";
import { idPractice } from "~/i18n/id.practice";
import { englishParts } from "~/utils/i18n.server";

export const handle: StringsHandle = { strings: { practice: idPractice } };

export async function loader(args: LoaderFunctionArgs) {
  return handleLoader(args, { access: "studio:open" }, async ({}) => {
    const tree = await getSyncedContentTree();
    const problems = await checkContentOnce(tree);
    const problemsOf = (file: string) =>
      problems.filter((p) => p.file === file).map((p) => ({ line: p.line, column: p.column, message: p.message, severity: p.severity }));
    return json({
      i18n: englishParts(args.request, handle),
      courses: tree.courses.map((c) => ({
        slug: c.slug,
        title: c.meta.title,
        version: c.meta.version,
        draft: c.meta.draft,
        problems: problemsOf(c.file),
        lessons: c.lessons.map((l) => ({
          slug: l.slug,
          file: l.file,
          title: l.meta.title,
          kind: l.meta.kind,
          draft: l.meta.draft,
          problems: problemsOf(l.file),
        })),
      })),
      orphanProblems: problems.filter((p) => !tree.courses.some((c) => c.file === p.file || c.lessons.some((l) => l.file === p.file))),
    });
  });
}

export default function Studio() {
  const t = useT();
  const { courses, orphanProblems } = useLoaderData<typeof loader>();
  return (
    <section className="stack">
      <h1>{t("studio.title")}</h1>
      <p className="muted">{t("studio.intro")}</p>
      <p className="row">
        <Link to="/studio/tinjauan">{t("studio.reviewQueue")} →</Link>
        <Link to="/studio/kesepakatan">{t("agreement.title")} →</Link>
        <Link to="/studio/latihan">{t("staff.attempts")} →</Link>
        <Link to="/studio/uji-rubrik">{t("staff.playground")} →</Link>
      </p>
      {orphanProblems.length ? (
        <div className="alert error" role="alert">
          <ul>
            {orphanProblems.map((p) => (
              <li key={`${p.file}:${p.line}:${p.message}`}>
                <code>
                  {p.file}:{p.line}:{p.column}
                </code>{" "}
                {p.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {courses.map((c) => (
        <article key={c.slug} className="card">
          <h2>
            {c.title} <span className="badge">v{c.version}</span> {c.draft ? <span className="badge warn">{t("studio.draft")}</span> : null}
          </h2>
          <div className="table-wrap">
            <table className="data">
              <thead>
                <tr>
                  <th scope="col">{t("studio.lesson")}</th>
                  <th scope="col">{t("studio.kind")}</th>
                  <th scope="col">{t("studio.status")}</th>
                </tr>
              </thead>
              <tbody>
                {c.lessons.map((l) => (
                  <tr key={l.slug}>
                    <td>
                      <Link to={`/studio/${c.slug}/${l.slug}`}>{l.title}</Link>
                      <div className="meta muted">
                        <code>{l.file}</code>
                      </div>
                    </td>
                    <td>
                      {t(`courses.kind.${l.kind}`)} {l.draft ? <span className="badge warn">{t("studio.draft")}</span> : null}
                    </td>
                    <td>
                      {l.problems.length === 0 ? (
                        <span className="badge ok">{t("studio.ok")}</span>
                      ) : (
                        <ul className="problems">
                          {l.problems.map((p) => (
                            <li key={`${p.line}:${p.message}`} className={p.severity === "error" ? "bad" : "warn"}>
                              {t("studio.line", { line: p.line })}: {p.message}
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </article>
      ))}
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "studio.title");
