import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link } from "@remix-run/react";
import type { MessageKey } from "~/i18n";
import { useT } from "~/utils/i18n";
import { pageTitle } from "~/utils/meta";
import { handleLoader } from "~/utils/pipeline.server";

const sections: { to: string; title: MessageKey; body: MessageKey }[] = [
  { to: "/admin/instansi", title: "admin.agencies.title", body: "admin.home.agencies" },
  { to: "/admin/pengguna", title: "admin.users.title", body: "admin.home.users" },
  { to: "/admin/audit", title: "admin.audit.title", body: "admin.home.audit" },
  { to: "/admin/penerbit", title: "admin.issuer.title", body: "admin.home.issuer" },
  { to: "/admin/kotak-keluar", title: "admin.outbox.title", body: "admin.home.outbox" },
];

export async function loader(args: LoaderFunctionArgs) {
  return handleLoader(args, { access: "admin:open" }, async ({}) => {
    return json({});
  });
}

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
