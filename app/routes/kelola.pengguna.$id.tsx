import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { passwordHelpRequestOf } from "~/models/password-reset.server";
import { reissuePasswordLink } from "~/models/staff-import.server";
import { formatDateTime } from "~/utils/dates";
import { getUserInScope, setAsnKind } from "~/models/user.server";
import { publicOrigin } from "~/utils/env.server";
import { useLang, useT } from "~/utils/i18n";
import { pageTitle } from "~/utils/meta";
import { canGrantRole, managedScopePath } from "~/utils/permissions.server";
import { handleAction, handleLoader } from "~/utils/pipeline.server";
import { getDb } from "~/utils/db.server";

export async function loader(args: LoaderFunctionArgs) {
  return handleLoader(args, { access: "manage:open" }, async ({ params, user }) => {
    const db = await getDb();
    const target = await getUserInScope(db, managedScopePath(user), params.id ?? "");
    // Outside the manager's subtree looks exactly like a missing user.
    if (!target) throw new Response("Not found", { status: 404 });
    const { passwordSetAt, ...shown } = target;
    // A learner who used "Lupa kata sandi" without e-mail waits for this page's link (issue 15 item 7).
    const helpRequestedAt = await passwordHelpRequestOf(db, target.id);
    return json({ target: shown, helpRequestedAt, canReissue: (!passwordSetAt || !!helpRequestedAt) && canGrantRole(user, target.role) });
  });
}

/**
 * Two forms: the kind of civil servant (PNS/PPPK, which sets the yearly JP rule), and re-issuing
 * the set-password link of an account that never chose a password (audited; the link is shown once).
 */
export async function action(args: ActionFunctionArgs) {
  return handleAction(args, { access: "user:create", keep: {} }, async ({ request, params, user, form }) => {
    const db = await getDb();
    if (form.get("intent") === "asn-kind") {
      const kind = form.get("asnKind");
      if (kind !== "pns" && kind !== "pppk") return json({ error: "error.required" as const, link: null, saved: false }, { status: 400 });
      if (!(await setAsnKind(db, user.id, managedScopePath(user), params.id ?? "", kind))) throw new Response("Not found", { status: 404 });
      return json({ error: null, link: null, saved: true });
    }
    const token = await reissuePasswordLink(db, user, params.id ?? "");
    if (!token) throw new Response("Not found", { status: 404 });
    return json({ error: null, saved: false, link: `${publicOrigin(request)}/atur-sandi/${token}` }, { headers: { "Cache-Control": "no-store" } });
  });
}

export default function UserDetail() {
  const t = useT();
  const lang = useLang();
  const { target, canReissue, helpRequestedAt } = useLoaderData<typeof loader>();
  const issued = useActionData<typeof action>();
  return (
    <section className="card">
      <p>
        <Link to="/kelola/pengguna">← {t("users.title")}</Link>
      </p>
      <h1>{target.name}</h1>
      <dl className="facts">
        <dt>{t("users.colEmail")}</dt>
        <dd>{target.email}</dd>
        <dt>{t("users.nipLabel")}</dt>
        <dd>{target.nip ?? t("users.none")}</dd>
        <dt>{t("users.colAgency")}</dt>
        <dd>
          {target.agencyName} ({target.agencyCode})
        </dd>
        <dt>{t("users.colRole")}</dt>
        <dd>{t(`role.${target.role}`)}</dd>
      </dl>
      <Form method="post" className="stack" aria-labelledby="asn-kind-title">
        <h2 id="asn-kind-title">{t("users.asnKindTitle")}</h2>
        <p className="hint">{t("users.asnKindHint")}</p>
        <input type="hidden" name="intent" value="asn-kind" />
        <div className="field">
          <label htmlFor="asnKind">{t("users.asnKind")}</label>
          <select id="asnKind" name="asnKind" defaultValue={target.asnKind}>
            <option value="pns">{t("asnKind.pns")}</option>
            <option value="pppk">{t("asnKind.pppk")}</option>
          </select>
        </div>
        {issued?.saved ? (
          <p className="alert success" role="status">
            {t("users.asnKindSaved")}
          </p>
        ) : null}
        {issued?.error ? (
          <p className="alert error" role="alert">
            {t(issued.error)}
          </p>
        ) : null}
        <div className="row">
          <button type="submit" className="button secondary">
            {t("users.asnKindSave")}
          </button>
        </div>
      </Form>
      {issued?.link ? (
        <div className="alert success" role="status">
          <p>{t("users.reissued")}</p>
          <p>
            <code className="break">{issued.link}</code>
          </p>
        </div>
      ) : canReissue ? (
        <Form method="post" className="stack">
          {helpRequestedAt ? (
            <p className="alert info" role="status">
              {t("users.helpRequested", { date: formatDateTime(helpRequestedAt, lang) })}
            </p>
          ) : null}
          <p className="hint">{t("users.reissueHint")}</p>
          <button type="submit" className="button secondary">
            {t("users.reissueLink")}
          </button>
        </Form>
      ) : null}
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "users.detail");
