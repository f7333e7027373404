import type { Lang } from "~/i18n";
import { headReport } from "~/models/rollups.server";
import type { SessionUser } from "~/utils/auth.server";
import type { Db } from "~/utils/db.server";
import { formatDate, formatDateTime, formatLongDate } from "~/utils/dates";
import { serverTranslator } from "~/utils/i18n.server";
import type { Scope } from "~/utils/permissions.server";
import { jakartaToday } from "~/utils/dates";
import { parseReportDate } from "./head-report";

/** How many of the people under the JP duty the report lists by name. */
export const JP_LIST_SIZE = 15;

/**
 * What the report page and its PDF show for the `tanggal` parameter: the day (null = today, as the
 * dashboard counts), its label, the scope's name and the numbers.
 */
export async function headReportView(db: Db, url: URL, user: SessionUser, scope: Scope, lang: Lang, now = new Date()) {
  const t = serverTranslator(lang);
  const today = jakartaToday(now);
  const param = url.searchParams.get("tanggal");
  const asOf = parseReportDate(param, today);
  const day = asOf ?? today;
  const report = await headReport(db, scope, asOf, Number(day.slice(0, 4)), JP_LIST_SIZE);
  return {
    day,
    asOf,
    dateInvalid: !!param && param !== today && !asOf,
    dateLabel: formatLongDate(day, lang),
    agencyName: scope.all ? t("report.allAgencies") : report.agencyNames.join(", ") || user.agencyName,
    note: asOf ? t("report.dateNote", { date: formatDate(day, lang) }) : null,
    printedAt: t("report.printedAt", { when: formatDateTime(now, lang) }),
    report,
  };
}
