import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { listPasswordHelpRequests } from "~/models/password-reset.server";
import { listUsersInScope } from "~/models/user.server";
import { formatDateTime } from "~/utils/dates";
import { useLang, useT } from "~/utils/i18n";
import { pageTitle } from "~/utils/meta";
import { managedScopePath } from "~/utils/permissions.server";
import { handleLoader } from "~/utils/pipeline.server";
import { getDb } from "~/utils/db.server";

export async function loader(args: LoaderFunctionArgs) {
  return handleLoader(args, { access: "manage:open" }, async ({ request, user }) => {
    const db = await getDb();
    const q = (new URL(request.url).searchParams.get("q") ?? "").slice(0, 100);
    // "Lupa kata sandi" requests without e-mail wait here for a manager in scope (issue 15 item 7).
    return json({ users: await listUsersInScope(db, managedScopePath(user), q), helpRequests: await listPasswordHelpRequests(db, user) });
  });
}

export default function UsersList() {
  const t = useT();
  const lang = useLang();
  const { users, helpRequests } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  return (
    <section className="stack">
      <div className="row" style={{ justifyContent: "space-between" }}>
        <h1>{t("users.title")}</h1>
        <Link to="/kelola/pengguna/baru" className="button">
          {t("users.new")}
        </Link>
      </div>
      {helpRequests.length > 0 ? (
        <section className="card" aria-labelledby="help-requests">
          <h2 id="help-requests">{t("users.helpRequests")}</h2>
          <p className="hint">{t("users.helpRequestsIntro")}</p>
          <ul className="plain">
            {helpRequests.map((r) => (
              <li key={r.userId}>
                <Link to={`/kelola/pengguna/${r.userId}`}>{r.name}</Link> · {r.agencyName} ·{" "}
                <time dateTime={r.createdAt}>{formatDateTime(r.createdAt, lang)}</time>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <Form method="get" role="search" className="row">
        <label htmlFor="q" className="visually-hidden">
          {t("users.search")}
        </label>
        <input id="q" type="search" name="q" defaultValue={params.get("q") ?? ""} placeholder={t("users.search")} style={{ maxWidth: "20rem" }} />
        <button type="submit" className="button secondary">
          {t("users.searchSubmit")}
        </button>
      </Form>
      <p className="muted">{t("users.count", { count: users.length })}</p>
      <div className="table-wrap">
        <table className="data">
          <thead>
            <tr>
              <th scope="col">{t("users.colName")}</th>
              <th scope="col">{t("users.colEmail")}</th>
              <th scope="col">{t("users.colAgency")}</th>
              <th scope="col">{t("users.colRole")}</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id}>
                <td>
                  <Link to={`/kelola/pengguna/${u.id}`}>{u.name}</Link>
                </td>
                <td>{u.email}</td>
                <td>{u.agencyName}</td>
                <td>{t(`role.${u.role}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "users.title");
