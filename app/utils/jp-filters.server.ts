import type { JpFilters } from "~/models/jp-ledger.server";
import { jakartaYear } from "./dates";

/** The JP ledger's filters from the query string (page and exports alike): ?tahun=, ?unit=, ?jp=kurang and/or ?jp=lebih. */
export function jpFiltersFrom(url: URL): JpFilters {
  const p = url.searchParams;
  const year = Number(p.get("tahun"));
  return {
    year: Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : jakartaYear(),
    unitId: /^[\w-]{1,64}$/.test(p.get("unit") ?? "") ? p.get("unit") : null,
    underDuty: p.getAll("jp").includes("kurang"),
    overCap: p.getAll("jp").includes("lebih"),
  };
}

/** The ledger cursor (?setelah=<person id>); anything not id-shaped starts at the first page. */
export function jpCursorFrom(url: URL): string | null {
  const value = url.searchParams.get("setelah") ?? "";
  return /^[\w-]{1,64}$/.test(value) ? value : null;
}

/** The part of a file name that says which slice of the ledger it holds. */
export function jpFileStem(f: JpFilters): string {
  return `riwayat-jp-${f.year}${f.underDuty ? "-kurang-20" : ""}${f.overCap ? "-pppk-lebih-24" : ""}`;
}
