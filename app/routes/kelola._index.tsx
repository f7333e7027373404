import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { BarChart } from "~/components/kelola/bar-chart";
import { LearningGain, unitGainCells } from "~/components/kelola/learning-gain";
import { ManageNav } from "~/components/kelola/manage-nav";
import { STATUS_KEYS, type StatusCounts } from "~/learning/status-counts";
import { parseOpenUnits, toggledOpenParam, UNIT_SORTS } from "~/learning/unit-tree";
import { dashboardPage } from "~/models/rollups.server";
import { formatMonth } from "~/utils/dates";
import { useLang, useT } from "~/utils/i18n";
import { pageTitle } from "~/utils/meta";
import { managedScopePath } from "~/utils/permissions.server";
import { handleLoader } from "~/utils/pipeline.server";
import { readDb } from "~/utils/db.server";

export async function loader(args: LoaderFunctionArgs) {
  return handleLoader(args, { access: "manage:open" }, async ({ request, user }) => {
    const db = await readDb(request);
    const url = new URL(request.url);
    const scope = managedScopePath(user);
    const sort = UNIT_SORTS.find((s) => s === url.searchParams.get("urut")) ?? "unit";
    const page = await dashboardPage(db, scope, url.searchParams.get("kursus"), { open: parseOpenUnits(url.searchParams.get("buka")), sort });
    return json({ scopeName: user.role === "admin" ? null : user.agencyName, sort, ...page, gainByUnit: unitGainCells(page.gainByUnit) });
  });
}

export default function Dashboard() {
  const t = useT();
  const lang = useLang();
  const { scopeName, sort, courses, selectedCourseId, units, openIds, allOpen, monthly, gain, gainByUnit } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const selected = courses.find((c) => c.id === selectedCourseId);
  // This page's URL with one parameter set (or removed with null): sort and tree links keep the rest.
  const withParam = (name: string, value: string | null, hash = "") => {
    const next = new URLSearchParams(params);
    if (value === null) next.delete(name);
    else next.set(name, value);
    return `?${next.toString()}${hash}`;
  };
  // The bars: the units under the top row(s) that are on screen, as in the table.
  const chartUnits = (units.some((u) => u.depth > 0) ? units.filter((u) => u.depth > 0) : units).filter((u) => u.counts.enrolled > 0).slice(0, 20);
  const exportQuery = new URLSearchParams(selectedCourseId ? { kursus: selectedCourseId } : {}).toString();
  return (
    <section className="stack">
      <ManageNav />
      <h1>{t("manage.title")}</h1>
      {scopeName ? <p className="muted">{t("manage.scope", { agency: scopeName })}</p> : null}
      <p>
        <Link to="/kelola/laporan-pimpinan">{t("report.dashboardLink")}</Link>
      </p>
      <h2>{t("manage.byCourse")}</h2>
      <div className="table-wrap">
        <table className="data">
          <thead>
            <tr>
              <th scope="col">{t("manage.course")}</th>
              {STATUS_KEYS.map((k) => (
                <th scope="col" key={k}>
                  {t(`manage.status.${k}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {courses.map((c) => (
              <tr key={c.id}>
                <th scope="row">
                  <Link to={`?kursus=${c.id}`}>{c.title}</Link>
                </th>
                {STATUS_KEYS.map((k) => (
                  <td key={k}>{c.counts[k]}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Form method="get" className="row">
        <label htmlFor="kursus">{t("manage.course")}</label>
        <select id="kursus" name="kursus" defaultValue={selectedCourseId ?? undefined} style={{ maxWidth: "22rem" }}>
          {courses.map((c) => (
            <option key={c.id} value={c.id}>
              {c.title}
            </option>
          ))}
        </select>
        <button type="submit" className="button secondary">
          {t("manage.show")}
        </button>
        <a href={`/kelola/laporan.xlsx?${exportQuery}`} className="button secondary" download>
          {t("manage.nav.exportXlsx")}
        </a>
        <a href={`/kelola/laporan.csv?${exportQuery}`} className="button secondary" download>
          {t("manage.nav.export")}
        </a>
      </Form>
      {selected ? (
        <>
          <h2>{t("manage.byUnit", { course: selected.title })}</h2>
          <p className="muted">
            {t("manage.treeHint")}{" "}
            {allOpen ? (
              <Link to={withParam("buka", null)}>{t("manage.collapseAll")}</Link>
            ) : (
              <Link to={withParam("buka", "semua")}>{t("manage.expandAll")}</Link>
            )}
          </p>
          <div className="table-wrap">
            <table className="data unit-tree">
              <thead>
                <tr>
                  {UNIT_SORTS.map((column) => (
                    <th scope="col" key={column} aria-sort={sort === column ? (column === "unit" ? "ascending" : "descending") : undefined}>
                      <Link
                        to={withParam("urut", column)}
                        aria-label={t("manage.sortBy", {
                          column:
                            column === "unit"
                              ? t("manage.unit")
                              : column === "completion"
                                ? t("manage.completion")
                                : t(`manage.status.${column as keyof StatusCounts}`),
                        })}
                      >
                        {column === "unit"
                          ? t("manage.unit")
                          : column === "completion"
                            ? t("manage.completion")
                            : t(`manage.status.${column as keyof StatusCounts}`)}
                      </Link>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {units.map((u) => (
                  <tr key={u.id} id={`unit-${u.id}`}>
                    <th scope="row" style={{ paddingLeft: `${0.6 + u.depth * 1.1}rem` }}>
                      {/* A plain link per row: the tree opens and closes without JavaScript. */}
                      {u.childCount > 0 && !allOpen ? (
                        <Link
                          className="tree-toggle"
                          to={withParam("buka", toggledOpenParam(openIds, u.id), `#unit-${u.id}`)}
                          aria-expanded={u.expanded}
                          aria-label={u.expanded ? t("manage.collapse", { unit: u.name }) : t("manage.expand", { unit: u.name, count: u.childCount })}
                          preventScrollReset
                        >
                          <span aria-hidden="true">{u.expanded ? "▾" : "▸"}</span>
                        </Link>
                      ) : (
                        <span className="tree-toggle" aria-hidden="true" />
                      )}
                      <Link to={`/kelola/peserta?unit=${u.id}${selectedCourseId ? `&kursus=${selectedCourseId}` : ""}`}>{u.name}</Link>
                    </th>
                    <td>{u.completion}%</td>
                    {STATUS_KEYS.map((k) => (
                      <td key={k}>{u.counts[k]}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="stack">
            <figure className="card">
              <figcaption>
                <h3>{t("manage.chartCompletion")}</h3>
              </figcaption>
              {chartUnits.length ? (
                <BarChart title={t("manage.chartCompletion")} bars={chartUnits.map((u) => ({ label: u.name, value: u.completion }))} max={100} unit="%" />
              ) : (
                <p className="muted">{t("manage.chartEmpty")}</p>
              )}
            </figure>
            <figure className="card">
              <figcaption>
                <h3>{t("manage.chartMonthly")}</h3>
              </figcaption>
              {monthly.length ? (
                <BarChart title={t("manage.chartMonthly")} bars={monthly.map((m) => ({ label: formatMonth(m.month, lang), value: m.count }))} />
              ) : (
                <p className="muted">{t("manage.chartEmpty")}</p>
              )}
            </figure>
          </div>
        </>
      ) : null}
      <LearningGain rows={gain} units={gainByUnit} courseTitle={courses.find((c) => c.id === selectedCourseId)?.title ?? null} />
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "manage.title");
