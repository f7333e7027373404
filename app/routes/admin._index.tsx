import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link } from "@remix-run/react";
import type { MessageKey } from "~/i18n";
import { requireRole } from "~/utils/auth.server";
import { withOutage503 } from "~/utils/db-unavailable.server";
import { useT } from "~/utils/i18n";
import { pageTitle } from "~/utils/meta";

const sections: { to: string; title: MessageKey; body: MessageKey }[] = [
  { to: "/admin/instansi", title: "admin.agencies.title", body: "admin.home.agencies" },
  { to: "/admin/pengguna", title: "admin.users.title", body: "admin.home.users" },
  { to: "/admin/audit", title: "admin.audit.title", body: "admin.home.audit" },
];

export const loader = withOutage503(async ({ request }: LoaderFunctionArgs) => {
  await requireRole(request, ["admin"]);
  return json({});
});

export default function AdminHome() {
  const t = useT();
  return (
    <section className="stack">
      <h1>{t("admin.title")}</h1>
      <p className="muted">{t("admin.home.intro")}</p>
      <ul className="outline">
        {sections.map((s) => (
          <li key={s.to}>
            <div>
              <Link to={s.to}>{t(s.title)}</Link>
              <p className="hint">{t(s.body)}</p>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "admin.title");
