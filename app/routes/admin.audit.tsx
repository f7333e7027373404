import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { TableWrap } from "~/components/table-wrap";
import type { Lang, MessageKey } from "~/i18n";
import { AUDIT_PAGE_SIZE, listAuditLog } from "~/models/admin.server";
import { auditSentence } from "~/utils/audit-sentence";
import { formatDateTime } from "~/utils/dates";
import { useIsMessageKey, useLang, useT } from "~/utils/i18n";
import { pageTitle } from "~/utils/meta";
import { handleLoader } from "~/utils/pipeline.server";
import { getDb } from "~/utils/db.server";
import { auditQuerySchema } from "~/validation/admin-forms.server";

export async function loader(args: LoaderFunctionArgs) {
  return handleLoader(args, { access: "admin:open" }, async ({ request }) => {
    const db = await getDb();
    const search = new URL(request.url).searchParams;
    const query = auditQuerySchema.parse({ halaman: search.get("halaman") ?? undefined, aksi: search.get("aksi") ?? "" });
    const { rows, total, actions } = await listAuditLog(db, { page: query.halaman, action: query.aksi || null });
    return json({
      entries: rows,
      total,
      actions,
      action: query.aksi,
      page: query.halaman,
      pageCount: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)),
    });
  });
}

/** "3 Des 2026, 14.05 WIB": the one date format, with the zone since admins read logs across regions. */
function formatMoment(iso: string, lang: Lang) {
  return `${formatDateTime(iso, lang)} WIB`;
}

export default function AdminAudit() {
  const t = useT();
  const isMessageKey = useIsMessageKey();
  const lang = useLang();
  const { entries, total, actions, action, page, pageCount } = useLoaderData<typeof loader>();
  const said = entries.map((e) => auditSentence(e, t, lang));
  const pageLink = (n: number) => `?${new URLSearchParams({ ...(action ? { aksi: action } : {}), halaman: String(n) })}`;
  return (
    <section className="stack">
      <p>
        <Link to="/admin">← {t("admin.title")}</Link>
      </p>
      <h1>{t("admin.audit.title")}</h1>
      <Form method="get" className="row" style={{ alignItems: "flex-end" }}>
        <div className="field">
          <label htmlFor="f-aksi">{t("admin.audit.filter")}</label>
          <select id="f-aksi" name="aksi" defaultValue={action}>
            <option value="">{t("admin.audit.allActions")}</option>
            {actions.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <button type="submit" className="button secondary">
            {t("admin.audit.filterSubmit")}
          </button>
        </div>
      </Form>
      <p className="muted">{t("admin.audit.count", { count: total, page, pages: pageCount })}</p>
      {entries.length === 0 ? (
        <p>{t("admin.audit.empty")}</p>
      ) : (
        <TableWrap labelledBy="audit-caption">
          <table className="data">
            <caption className="visually-hidden" id="audit-caption">
              {t("admin.audit.caption")}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t("admin.audit.colTime")}</th>
                <th scope="col">{t("admin.audit.colAction")}</th>
                <th scope="col">{t("admin.audit.colDetails")}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e, i) => (
                <tr key={e.id}>
                  <td>
                    <time dateTime={e.createdAt}>{formatMoment(e.createdAt, lang)}</time>
                  </td>
                  <td>
                    {said[i]!.sentence}
                    <br />
                    <span className="muted">
                      {isMessageKey(`admin.audit.type.${e.targetType}`) ? t(`admin.audit.type.${e.targetType}` as MessageKey) : e.targetType}
                    </span>
                  </td>
                  <td>
                    {said[i]!.changes.length > 0 ? (
                      <ul className="plain">
                        {said[i]!.changes.map((c) => (
                          <li key={c}>{c}</li>
                        ))}
                      </ul>
                    ) : (
                      <span className="muted">{t("admin.audit.noDetails")}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      {pageCount > 1 ? (
        <nav aria-label={t("admin.audit.pages")} className="row" style={{ justifyContent: "space-between" }}>
          {page > 1 ? (
            <Link to={pageLink(page - 1)} rel="prev">
              ← {t("admin.audit.newer")}
            </Link>
          ) : (
            <span />
          )}
          {page < pageCount ? (
            <Link to={pageLink(page + 1)} rel="next">
              {t("admin.audit.older")} →
            </Link>
          ) : null}
        </nav>
      ) : null}
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "admin.audit.title");
