import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getUserInScope } from "~/models/user.server";
import { useT } from "~/utils/i18n";
import { pageTitle } from "~/utils/meta";
import { managedScopePath } from "~/utils/permissions.server";
import { handleLoader } from "~/utils/pipeline.server";

export async function loader(args: LoaderFunctionArgs) {
  return handleLoader(args, { access: "manage:open" }, async ({ params, user }) => {
  const target = await getUserInScope(managedScopePath(user), params.id ?? "");
  // Outside the manager's subtree looks exactly like a missing user.
  if (!target) throw new Response("Not found", { status: 404 });
  return json({ target });
});
};

export default function UserDetail() {
  const t = useT();
  const { target } = useLoaderData<typeof loader>();
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
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "users.detail");
