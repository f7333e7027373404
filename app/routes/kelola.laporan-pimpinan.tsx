import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { ManageNav } from "~/components/kelola/manage-nav";
import { TableWrap } from "~/components/table-wrap";
import { printPageCss } from "~/reports/head-report";
import { headReportView } from "~/reports/head-report.server";
import { formatDate } from "~/utils/dates";
import { useLang, useT } from "~/utils/i18n";
import { pageTitle } from "~/utils/meta";
import { handleLoader } from "~/utils/pipeline.server";
import { readDb } from "~/utils/db.server";

/**
 * The dashboard for the head of agency on one printable page, for a chosen day ("per tanggal"):
 * certificates, each course, completion per unit, overdue learners and the JP duty. The print
 * stylesheet repeats the agency name and date on every page with page numbers; the same numbers
 * come as a PDF from /kelola/laporan-pimpinan.pdf.
 */
export async function loader(args: LoaderFunctionArgs) {
  return handleLoader(args, { access: "manage:open" }, async ({ request, user, scope, lang }) => {
    const view = await headReportView(await readDb(request), new URL(request.url), user, scope, lang);
    return json(view);
  });
}

export default function HeadReport() {
  const t = useT();
  const lang = useLang();
  const { day, asOf, dateInvalid, dateLabel, agencyName, note, printedAt, report } = useLoaderData<typeof loader>();
  const c = report.certificates;
  const jp = report.jp;
  const pdfHref = `/kelola/laporan-pimpinan.pdf${asOf ? `?tanggal=${asOf}` : ""}`;
  return (
    <section className="stack">
      <style dangerouslySetInnerHTML={{ __html: printPageCss({ left: agencyName, right: dateLabel }, t("report.page")) }} />
      <div className="no-print stack">
        <ManageNav />
        <Form method="get" className="row report-controls">
          <label htmlFor="tanggal">{t("report.date")}</label>
          <input id="tanggal" name="tanggal" type="date" defaultValue={day} style={{ maxWidth: "11rem" }} />
          <button type="submit" className="button secondary">
            {t("report.show")}
          </button>
          <button type="button" className="button secondary" onClick={() => window.print()}>
            {t("report.print")}
          </button>
          <a className="button" href={pdfHref} download>
            {t("report.pdf")}
          </a>
        </Form>
        {dateInvalid ? (
          <p className="alert error" role="alert">
            {t("report.dateInvalid")}
          </p>
        ) : null}
      </div>
      <article className="head-report" aria-labelledby="report-title">
        <header className="head-report-header">
          <h1 id="report-title">{t("report.heading")}</h1>
          <p className="head-report-meta">
            <strong>{agencyName}</strong> · {t("report.asOf", { date: dateLabel })}
          </p>
          {note ? <p className="hint">{note}</p> : null}
        </header>

        <h2>{t("report.certTitle")}</h2>
        <dl className="report-figures">
          <div>
            <dt>{t("report.cert.valid")}</dt>
            <dd>{c.valid}</dd>
          </div>
          <div>
            <dt>{t("report.cert.expiring")}</dt>
            <dd>{c.expiring}</dd>
          </div>
          <div>
            <dt>{t("report.cert.expired")}</dt>
            <dd>{c.expired}</dd>
          </div>
          <div>
            <dt>{t("report.cert.void")}</dt>
            <dd>
              {c.suspended + c.revoked} <span className="meta">({t("report.cert.voidDetail", { suspended: c.suspended, revoked: c.revoked })})</span>
            </dd>
          </div>
        </dl>

        <h2 id="report-courses">{t("report.coursesTitle")}</h2>
        <TableWrap labelledBy="report-courses">
          <table className="data report-table">
            <thead>
              <tr>
                <th scope="col">{t("report.colCourse")}</th>
                <th scope="col">{t("report.colEnrolled")}</th>
                <th scope="col">{t("report.colCompleted")}</th>
                <th scope="col">{t("report.colCertified")}</th>
                <th scope="col">{t("report.cert.expiring")}</th>
                <th scope="col">{t("report.colOverdue")}</th>
              </tr>
            </thead>
            <tbody>
              {report.courses.map((co) => (
                <tr key={co.id}>
                  <th scope="row">{co.title}</th>
                  <td>{co.counts.enrolled}</td>
                  <td>{co.counts.completed}</td>
                  <td>{co.counts.certified}</td>
                  <td>{co.counts.expiring}</td>
                  <td>{co.counts.overdue}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t("report.total")}</th>
                <td>{report.totals.enrolled}</td>
                <td>{report.totals.completed}</td>
                <td>{report.totals.certified}</td>
                <td>{report.totals.expiring}</td>
                <td>{report.totals.overdue}</td>
              </tr>
            </tfoot>
          </table>
        </TableWrap>

        <h2 id="report-units">{t("report.unitsTitle")}</h2>
        <TableWrap labelledBy="report-units">
          <table className="data report-table">
            <thead>
              <tr>
                <th scope="col">{t("report.colUnit")}</th>
                <th scope="col">{t("report.colEnrolled")}</th>
                <th scope="col">{t("report.colCompleted")}</th>
                <th scope="col">{t("report.colCompletion")}</th>
                <th scope="col">{t("report.colOverdue")}</th>
              </tr>
            </thead>
            <tbody>
              {report.units.map((u) => (
                <tr key={u.id}>
                  <th scope="row" style={{ paddingLeft: `${0.6 + u.depth * 1.1}rem` }}>
                    {u.name}
                  </th>
                  <td>{u.enrolled}</td>
                  <td>{u.completed}</td>
                  <td>{u.completion}%</td>
                  <td>{u.overdue}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>

        <h2 id="report-overdue">{t("report.overdueTitle")}</h2>
        {report.overdue.length === 0 ? (
          <p className="muted">{t("report.overdueNone")}</p>
        ) : (
          <TableWrap labelledBy="report-overdue">
            <table className="data report-table">
              <thead>
                <tr>
                  <th scope="col">{t("report.colCourse")}</th>
                  <th scope="col">{t("report.colDue")}</th>
                  <th scope="col">{t("report.colKind")}</th>
                  <th scope="col">{t("report.colLearners")}</th>
                </tr>
              </thead>
              <tbody>
                {report.overdue.map((o) => (
                  <tr key={`${o.courseId}-${o.dueDate}`}>
                    <th scope="row">{o.courseTitle}</th>
                    <td>{formatDate(o.dueDate, lang)}</td>
                    <td>{t(o.assigned ? "report.kind.unit" : "report.kind.individual")}</td>
                    <td>{o.learners}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}

        <h2 id="report-jp">{t("report.jpTitle", { year: jp.year })}</h2>
        <p>{t("report.jpSummary", { under: jp.under, people: jp.people, duty: jp.duty, year: jp.year })}</p>
        {jp.lowest.length ? (
          <TableWrap labelledBy="report-jp">
            <table className="data report-table">
              <caption>{t("report.jpLowest", { count: jp.lowest.length })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("report.colName")}</th>
                  <th scope="col">{t("report.colNip")}</th>
                  <th scope="col">{t("report.colUnit")}</th>
                  <th scope="col">{t("report.colJp")}</th>
                </tr>
              </thead>
              <tbody>
                {jp.lowest.map((p) => (
                  <tr key={p.id}>
                    <th scope="row">{p.name}</th>
                    <td className="nowrap">{p.nip ?? "—"}</td>
                    <td>{p.unit}</td>
                    <td>{p.jp}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        ) : (
          <p className="muted">{t("report.jpNone", { duty: jp.duty })}</p>
        )}
        <p className="meta">{printedAt}</p>
      </article>
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "report.title");
