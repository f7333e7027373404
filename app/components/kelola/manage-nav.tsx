import { NavLink } from "@remix-run/react";
import { useT } from "~/utils/i18n";

/** Sub-navigation shared by the /kelola pages. */
export function ManageNav() {
  const t = useT();
  const items = [
    ["/kelola", "manage.nav.dashboard"],
    ["/kelola/peserta", "manage.nav.learners"],
    ["/kelola/jp", "manage.nav.jp"],
    ["/kelola/evaluasi", "manage.nav.evaluation"],
    ["/kelola/laporan-pimpinan", "manage.nav.report"],
    ["/kelola/penugasan", "manage.nav.assign"],
    ["/kelola/impor", "manage.nav.import"],
    ["/kelola/pengguna", "manage.nav.users"],
  ] as const;
  return (
    <nav aria-label={t("nav.manage")} className="subnav">
      <ul>
        {items.map(([to, key]) => (
          <li key={to}>
            <NavLink to={to} end>
              {t(key)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
