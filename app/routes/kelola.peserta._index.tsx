import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation } from "@remix-run/react";
import { FilterSelect } from "~/components/kelola/filter-select";
import { ManageNav } from "~/components/kelola/manage-nav";
import { Pager, PAGE_CURSOR, withoutCursor } from "~/components/kelola/pager";
import { ENROLLMENT_STATUSES } from "~/learning/enrollment-status";
import { listLearners, unitChoices } from "~/models/learner-table.server";
import { publishedCourses } from "~/models/course.server";
import { useT } from "~/utils/i18n";
import { cursorFrom, learnerFiltersFrom } from "~/utils/learner-filters.server";
import { pageTitle } from "~/utils/meta";
import { managedScopePath } from "~/utils/permissions.server";
import { handleLoader } from "~/utils/pipeline.server";
import { readDb } from "~/utils/db.server";

export async function loader(args: LoaderFunctionArgs) {
  return handleLoader(args, { access: "manage:open" }, async ({ request, user }) => {
    const db = await readDb(request);
    const scope = managedScopePath(user);
    const filters = learnerFiltersFrom(new URL(request.url));
    const url = new URL(request.url);
    const [units, courses] = await Promise.all([unitChoices(db, scope, filters.unitId), publishedCourses(db)]);
    const courseId = filters.courseId ?? courses[0]?.id ?? null;
    const page = await listLearners(db, scope, { ...filters, courseId }, { after: cursorFrom(url) });
    // The next-page link keeps every filter and only moves the cursor.
    const nextParams = new URLSearchParams(url.search);
    if (page.next) nextParams.set(PAGE_CURSOR, page.next);
    return json({
      filters: { ...filters, courseId },
      units,
      courses,
      learners: page.rows,
      isFirstPage: page.firstPage,
      nextPage: page.next ? `?${nextParams}` : null,
    });
  });
}

export default function Learners() {
  const t = useT();
  const { filters, units, courses, learners, isFirstPage, nextPage } = useLoaderData<typeof loader>();
  const { search } = useLocation();
  return (
    <section className="stack">
      <ManageNav />
      <h1>{t("learners.title")}</h1>
      <Form method="get" className="card filters">
        <div className="filter-grid">
          <FilterSelect
            id="kursus"
            label={t("learners.filterCourse")}
            value={filters.courseId}
            options={courses.map((c) => ({ value: c.id, label: c.title }))}
          />
          <FilterSelect
            id="unit"
            label={t("learners.filterUnit")}
            value={filters.unitId}
            all={t("learners.all")}
            options={units.map((u) => ({ value: u.id, label: `${"· ".repeat(u.depth)}${u.name}` }))}
          />
          <FilterSelect
            id="status"
            label={t("learners.filterStatus")}
            value={filters.status}
            all={t("learners.all")}
            options={ENROLLMENT_STATUSES.map((s) => ({ value: s, label: t(`learners.status.${s}`) }))}
          />
          <div className="field">
            <label htmlFor="q">{t("learners.search")}</label>
            <input id="q" name="q" type="search" defaultValue={filters.q ?? ""} />
          </div>
        </div>
        <label className="choice">
          <input type="checkbox" name="jp" value="kurang" defaultChecked={filters.lowJp} /> {t("learners.lowJp")}
        </label>
        <div className="row">
          <button type="submit" className="button">
            {t("learners.apply")}
          </button>
          <a className="button secondary" href={`/kelola/laporan.xlsx${withoutCursor(search)}`} download>
            {t("manage.nav.exportXlsx")}
          </a>
          <a className="button secondary" href={`/kelola/laporan.csv${withoutCursor(search)}`} download>
            {t("manage.nav.export")}
          </a>
        </div>
      </Form>
      <p className="muted" role="status">
        {t(nextPage || !isFirstPage ? "learners.countPage" : "learners.count", { count: learners.length })}
      </p>
      <div className="table-wrap">
        <table className="data">
          <thead>
            <tr>
              <th scope="col">{t("learners.colName")}</th>
              <th scope="col">{t("learners.colNip")}</th>
              <th scope="col">{t("learners.colUnit")}</th>
              <th scope="col">{t("learners.colStatus")}</th>
              <th scope="col">{t("learners.colJp")}</th>
            </tr>
          </thead>
          <tbody>
            {learners.map((l) => (
              <tr key={l.id}>
                <td>
                  <Link to={`/kelola/peserta/${l.id}`}>{l.name}</Link>
                </td>
                <td>{l.nip ?? "—"}</td>
                <td>{l.unit}</td>
                <td>{l.status ? t(`learners.status.${l.status}`) : "—"}</td>
                <td>{l.jp}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pager search={search} isFirstPage={isFirstPage} nextPage={nextPage} />
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "learners.title");
