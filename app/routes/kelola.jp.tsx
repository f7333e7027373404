import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation } from "@remix-run/react";
import { FilterSelect } from "~/components/kelola/filter-select";
import { ManageNav } from "~/components/kelola/manage-nav";
import { Pager, PAGE_CURSOR, withoutCursor } from "~/components/kelola/pager";
import { TableWrap } from "~/components/table-wrap";
import { jpRule, jpStanding } from "~/certificates/jp";
import { JP_YEARLY_DUTY, PPPK_YEARLY_CAP } from "~/certificates/rules";
import { JpStandingBadge } from "~/components/jp-history";
import { agencySubtree } from "~/models/agency.server";
import { jpLedgerPage, jpYears } from "~/models/jp-ledger.server";
import { formatDate, jakartaYear } from "~/utils/dates";
import { useT } from "~/utils/i18n";
import { jpCursorFrom, jpFiltersFrom } from "~/utils/jp-filters.server";
import { pageTitle } from "~/utils/meta";
import { handleLoader } from "~/utils/pipeline.server";
import { readDb } from "~/utils/db.server";

/**
 * The JP ledger of the manager's subtree: per person, the JP of the year's certified courses
 * against the 20 JP duty and every training record behind it; exports for SIASN below the filters.
 */
export async function loader(args: LoaderFunctionArgs) {
  return handleLoader(args, { access: "manage:open" }, async ({ request, scope, lang }) => {
    const db = await readDb(request);
    const url = new URL(request.url);
    const filters = jpFiltersFrom(url);
    const [units, years, page] = await Promise.all([
      agencySubtree(db, { path: scope.path }),
      jpYears(db, scope, jakartaYear()),
      jpLedgerPage(db, scope, filters, jpCursorFrom(url)),
    ]);
    const nextParams = new URLSearchParams(url.search);
    if (page.next) nextParams.set(PAGE_CURSOR, page.next);
    return json({
      filters,
      duty: JP_YEARLY_DUTY,
      cap: PPPK_YEARLY_CAP,
      units: units.map((u) => ({ id: u.id, name: u.name })),
      years,
      isFirstPage: !jpCursorFrom(url),
      nextPage: page.next ? `?${nextParams}` : null,
      people: page.people.map((p) => ({
        ...p,
        standing: jpStanding(p.jp, jpRule(p.asnKind)),
        records: p.records.map((r) => ({ ...r, started: formatDate(r.startedAt, lang), completed: formatDate(r.completedAt, lang) })),
      })),
    });
  });
}

export default function JpLedger() {
  const t = useT();
  const { filters, duty, cap, units, years, people, nextPage, isFirstPage } = useLoaderData<typeof loader>();
  const { search } = useLocation();
  const files = withoutCursor(search);
  return (
    <section className="stack">
      <ManageNav />
      <h1>{t("jp.title")}</h1>
      <p className="muted">{t("jp.duty", { duty, cap })}</p>
      <Form method="get" className="card filters">
        <div className="filter-grid">
          <FilterSelect id="tahun" label={t("jp.filterYear")} value={filters.year} options={years.map((y) => ({ value: y, label: String(y) }))} />
          <FilterSelect
            id="unit"
            label={t("learners.filterUnit")}
            value={filters.unitId}
            all={t("learners.all")}
            options={units.map((u) => ({ value: u.id, label: u.name }))}
          />
        </div>
        <label className="choice">
          <input type="checkbox" name="jp" value="kurang" defaultChecked={filters.underDuty} /> {t("jp.underDuty", { duty })}
        </label>
        <label className="choice">
          <input type="checkbox" name="jp" value="lebih" defaultChecked={filters.overCap} /> {t("jp.overCap", { cap })}
        </label>
        <div className="row">
          <button type="submit" className="button">
            {t("learners.apply")}
          </button>
        </div>
      </Form>
      <div className="card">
        <h2>{t("jp.exportTitle")}</h2>
        <p className="hint">{t("jp.exportHint")}</p>
        <p className="row">
          <a className="button secondary" href={`/kelola/jp.xlsx${files}`} download>
            {t("jp.exportXlsx")}
          </a>
          <a className="button secondary" href={`/kelola/jp.csv${files}`} download>
            {t("jp.exportCsv")}
          </a>
          <a className="button secondary" href={`/kelola/jp.zip${files}`} download>
            {t("jp.exportZip")}
          </a>
        </p>
      </div>
      <p className="muted" role="status">
        {t(nextPage || !isFirstPage ? "jp.countPage" : "jp.count", { count: people.length })}
      </p>
      <TableWrap labelledBy="jp-caption">
        <table className="data">
          <caption id="jp-caption">{t("jp.caption", { year: filters.year })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("learners.colName")}</th>
              <th scope="col">{t("learners.colNip")}</th>
              <th scope="col">{t("learners.colUnit")}</th>
              <th scope="col">{t("jp.colJp", { year: filters.year })}</th>
              <th scope="col">{t("jp.colRecords")}</th>
            </tr>
          </thead>
          <tbody>
            {people.map((p) => (
              <tr key={p.id}>
                <td>
                  <Link to={`/kelola/peserta/${p.id}`}>{p.name}</Link>
                </td>
                <td>{p.nip ?? "—"}</td>
                <td>{p.unit}</td>
                <td>
                  {p.asnKind === "pppk" ? t("jp.ofCap", { jp: p.jp, cap }) : t("jp.ofDuty", { jp: p.jp, duty })} <JpStandingBadge standing={p.standing} />
                </td>
                <td>
                  {p.records.length === 0 ? (
                    <span className="muted">{t("jp.noRecords")}</span>
                  ) : (
                    <ul className="plain">
                      {p.records.map((r) => (
                        <li key={r.code}>
                          {t("jp.record", {
                            course: r.courseTitle,
                            version: r.courseVersion,
                            jp: r.jp,
                            started: r.started,
                            completed: r.completed,
                            code: r.code,
                          })}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      <Pager search={search} isFirstPage={isFirstPage} nextPage={nextPage} />
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "jp.title");
