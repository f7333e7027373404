import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import type { MessageKey } from "~/i18n";
import { listMail, OUTBOX_PAGE } from "~/models/mail.server";
import { formatDateTime } from "~/utils/dates";
import { env } from "~/utils/env.server";
import { useLang, useT } from "~/utils/i18n";
import { pageTitle } from "~/utils/meta";
import { handleLoader } from "~/utils/pipeline.server";
import { getDb } from "~/utils/db.server";
import { outboxQuerySchema } from "~/validation/admin-forms.server";

/** Every e-mail with its status; without SMTP_URL this is where they wait, so the demo works offline (decision 019). */
export async function loader(args: LoaderFunctionArgs) {
  return handleLoader(args, { access: "admin:open" }, async ({ request }) => {
    const db = await getDb();
    const params = new URL(request.url).searchParams;
    const query = outboxQuerySchema.parse({ halaman: params.get("halaman") ?? undefined, kepada: params.get("kepada") ?? undefined });
    const { rows, total } = await listMail(db, query.halaman, query.kepada);
    return json(
      {
        smtp: !!env.smtpUrl,
        total,
        page: query.halaman,
        to: query.kepada,
        pageCount: Math.max(1, Math.ceil(total / OUTBOX_PAGE)),
        messages: rows.map((m) => ({
          id: m.id,
          to: m.toAddress,
          subject: m.subject,
          body: m.body,
          status: m.status,
          attempts: m.attempts,
          lastError: m.lastError,
          createdAt: m.createdAt.toISOString(),
        })),
      },
      // Reset links are in these bodies: never cached.
      { headers: { "Cache-Control": "no-store" } },
    );
  });
}

export default function AdminOutbox() {
  const t = useT();
  const lang = useLang();
  const { smtp, total, page, pageCount, to, messages } = useLoaderData<typeof loader>();
  // Page links keep the recipient filter.
  const pageLink = (n: number) => `?${new URLSearchParams({ ...(to ? { kepada: to } : {}), halaman: String(n) })}`;
  return (
    <section className="stack">
      <p>
        <Link to="/admin">← {t("admin.title")}</Link>
      </p>
      <h1>{t("admin.outbox.title")}</h1>
      <p className="muted">{t("admin.outbox.intro")}</p>
      {smtp ? null : <p className="alert info">{t("admin.outbox.noSmtp")}</p>}
      <Form method="get" role="search" className="row" aria-label={t("admin.outbox.filter")}>
        <label htmlFor="kepada">{t("admin.outbox.filterTo")}</label>
        <input id="kepada" type="email" name="kepada" defaultValue={to ?? ""} autoComplete="off" style={{ maxWidth: "20rem" }} />
        <button type="submit" className="button secondary">
          {t("admin.outbox.filterShow")}
        </button>
        {to ? <Link to="?">{t("admin.outbox.filterAll")}</Link> : null}
      </Form>
      <p className="muted">{t("admin.outbox.count", { count: total, page, pages: pageCount })}</p>
      {messages.length === 0 ? <p>{to ? t("admin.outbox.emptyTo", { to }) : t("admin.outbox.empty")}</p> : null}
      {messages.map((m) => (
        <article key={m.id} className="card" aria-labelledby={`mail-${m.id}`}>
          <h2 id={`mail-${m.id}`} className="break">
            {m.subject}
          </h2>
          <dl className="facts">
            <dt>{t("admin.outbox.to")}</dt>
            <dd className="break">{m.to}</dd>
            <dt>{t("admin.outbox.status")}</dt>
            <dd>{t(`admin.outbox.status.${m.status}` as MessageKey)}</dd>
            <dt>{t("admin.outbox.created")}</dt>
            <dd>
              <time dateTime={m.createdAt}>{formatDateTime(m.createdAt, lang)}</time>
            </dd>
            <dt>{t("admin.outbox.attempts")}</dt>
            <dd>{m.attempts}</dd>
            {m.lastError ? (
              <>
                <dt>{t("admin.outbox.lastError")}</dt>
                <dd className="break">{m.lastError}</dd>
              </>
            ) : null}
          </dl>
          <pre className="mail-body">{m.body}</pre>
        </article>
      ))}
      {pageCount > 1 ? (
        <nav aria-label={t("admin.outbox.title")} className="row" style={{ justifyContent: "space-between" }}>
          {page > 1 ? <Link to={pageLink(page - 1)}>{t("admin.outbox.prev")}</Link> : <span />}
          {page < pageCount ? <Link to={pageLink(page + 1)}>{t("admin.outbox.next")}</Link> : null}
        </nav>
      ) : null}
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "admin.outbox.title");
