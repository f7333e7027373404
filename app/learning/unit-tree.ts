import { STATUS_KEYS, type StatusCounts } from "./status-counts";

/** One agency or unit on the dashboard, its counts already rolled up over its whole subtree. */
export type TreeUnit = { id: string; parentId: string | null; name: string; code: string; counts: StatusCounts; completion: number };

export const UNIT_SORTS = ["unit", "completion", ...STATUS_KEYS] as const;
export type UnitSort = (typeof UNIT_SORTS)[number];

/** Which rows are expanded: every row, an explicit set, or the default (only the top rows). */
export type OpenUnits = "all" | ReadonlySet<string> | "default";

export type VisibleUnit = TreeUnit & { depth: number; childCount: number; expanded: boolean };

/** The `buka` query parameter: absent → default, `semua` → all, else comma-separated ids (may be empty: all closed). */
export function parseOpenUnits(param: string | null): OpenUnits {
  if (param === null) return "default";
  if (param === "semua") return "all";
  return new Set(param.split(",").filter(Boolean).slice(0, 200));
}

/** The `buka` value after toggling one row, from the ids expanded now (the default made explicit). */
export function toggledOpenParam(openIds: readonly string[], id: string): string {
  return (openIds.includes(id) ? openIds.filter((o) => o !== id) : [...openIds, id]).join(",");
}

const collator = new Intl.Collator("id", { numeric: true, sensitivity: "base" });

function compareBy(sort: UnitSort) {
  const byName = (a: TreeUnit, b: TreeUnit) => collator.compare(a.name, b.name) || collator.compare(a.code, b.code);
  if (sort === "unit") return byName;
  const value = (u: TreeUnit) => (sort === "completion" ? u.completion : u.counts[sort]);
  // Highest first; ties keep name order so the page is stable between requests.
  return (a: TreeUnit, b: TreeUnit) => value(b) - value(a) || byName(a, b);
}

/**
 * The rows the dashboard shows: the top of the scope, and below it the children of every
 * expanded row, depth first. Siblings are sorted by the chosen column, so sorting never tears
 * a unit away from its parent. A province has ~2,000 units; only what was opened is sent.
 */
export function visibleUnits(units: readonly TreeUnit[], open: OpenUnits, sort: UnitSort): VisibleUnit[] {
  const ids = new Set(units.map((u) => u.id));
  const children = new Map<string | null, TreeUnit[]>();
  for (const u of units) {
    // A parent outside the list (above the manager's scope) makes this one a top row.
    const key = u.parentId !== null && ids.has(u.parentId) ? u.parentId : null;
    const list = children.get(key);
    if (list) list.push(u);
    else children.set(key, [u]);
  }
  const compare = compareBy(sort);
  for (const list of children.values()) list.sort(compare);

  const out: VisibleUnit[] = [];
  const visit = (u: TreeUnit, depth: number) => {
    const kids = children.get(u.id) ?? [];
    const expanded = kids.length > 0 && (open === "all" || (open === "default" ? depth === 0 : open.has(u.id)));
    out.push({ ...u, depth, childCount: kids.length, expanded });
    if (expanded) for (const k of kids) visit(k, depth + 1);
  };
  for (const top of children.get(null) ?? []) visit(top, 0);
  return out;
}
