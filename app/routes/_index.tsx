import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getUser } from "~/utils/auth.server";
import { useT } from "~/utils/i18n";
import { pageTitle } from "~/utils/meta";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request);
  return json({ user: user && { name: user.name, role: user.role, agencyName: user.agencyName } });
}

export default function Home() {
  const t = useT();
  const { user } = useLoaderData<typeof loader>();
  if (!user) {
    return (
      <section className="card hero">
        <h1>{t("home.anonTitle")}</h1>
        <p>{t("home.anonBody")}</p>
        <Link to="/masuk" className="button">
          {t("home.anonCta")}
        </Link>
      </section>
    );
  }
  const manages = user.role === "manager" || user.role === "admin";
  return (
    <section className="stack">
      <div className="card">
        <h1>{t("home.welcome", { name: user.name })}</h1>
        <p className="muted">{t("home.roleIs", { role: t(`role.${user.role}`), agency: user.agencyName })}</p>
        <div className="row">
          <Link to="/kursus" className="button">
            {t("home.startCourses")}
          </Link>
          {manages ? (
            <Link to="/kelola/pengguna" className="button secondary">
              {t("home.manageUsers")}
            </Link>
          ) : null}
          <Link to="/akun/kata-sandi" className="button secondary">
            {t("home.changePassword")}
          </Link>
        </div>
      </div>
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "nav.home");
