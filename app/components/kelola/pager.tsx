import { Link } from "@remix-run/react";
import { useT } from "~/utils/i18n";

/** The page cursor's query parameter on the manager's keyset-paged tables. */
export const PAGE_CURSOR = "setelah";

/** The same filters without the page cursor, "?a=b" or "": the first page, and exports (which cover every page). */
export function withoutCursor(search: string): string {
  const params = new URLSearchParams(search);
  params.delete(PAGE_CURSOR);
  const rest = params.toString();
  return rest ? `?${rest}` : "";
}

/**
 * "First page" and "Next page" under a keyset-paged table; nothing when everything fits on one
 * page. Plain links, so paging works without JavaScript.
 */
export function Pager({ search, isFirstPage, nextPage }: { search: string; isFirstPage: boolean; nextPage: string | null }) {
  const t = useT();
  if (!nextPage && isFirstPage) return null;
  return (
    <nav className="row" aria-label={t("learners.pages")}>
      {!isFirstPage ? <Link to={withoutCursor(search) || "?"}>{t("learners.firstPage")}</Link> : null}
      {nextPage ? (
        <Link to={nextPage} rel="next">
          {t("learners.nextPage")}
        </Link>
      ) : null}
    </nav>
  );
}
