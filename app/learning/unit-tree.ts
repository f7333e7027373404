import { STATUS_KEYS, type StatusCounts } from "./status-counts";

/** One agency or unit of the manager's scope, as stored (no numbers yet). */
export type TreeNode = { id: string; parentId: string | null; name: string; code: string };
/** A row's counters cover its whole subtree. */
export type CountsOf = (id: string) => StatusCounts;

export const UNIT_SORTS = ["unit", "completion", ...STATUS_KEYS] as const;
export type UnitSort = (typeof UNIT_SORTS)[number];

/** Which rows are expanded: every row, an explicit set, or the default (only the top rows). */
export type OpenUnits = "all" | ReadonlySet<string> | "default";

export type VisibleUnit = TreeNode & { counts: StatusCounts; completion: number; depth: number; childCount: number; expanded: boolean };

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

export const completionPercent = (c: StatusCounts) => (c.enrolled ? Math.round((c.completed / c.enrolled) * 100) : 0);

function compareBy(sort: UnitSort, countsOf: CountsOf) {
  const byName = (a: TreeNode, b: TreeNode) => collator.compare(a.name, b.name) || collator.compare(a.code, b.code);
  if (sort === "unit") return byName;
  const value = (u: TreeNode) => (sort === "completion" ? completionPercent(countsOf(u.id)) : countsOf(u.id)[sort]);
  // Highest first; ties keep name order so the page is stable between requests.
  return (a: TreeNode, b: TreeNode) => value(b) - value(a) || byName(a, b);
}

/**
 * The rows the dashboard shows: the top of the scope, and below it the children of every
 * expanded row, depth first. Siblings are sorted by the chosen column, so sorting never tears
 * a unit away from its parent. A province has ~2,000 units; only what was opened is sent, and
 * only those rows need counters (`countsOf` is asked for visible rows only).
 */
export function visibleUnits(nodes: readonly TreeNode[], open: OpenUnits, sort: UnitSort, countsOf: CountsOf): VisibleUnit[] {
  const ids = new Set(nodes.map((u) => u.id));
  const children = new Map<string | null, TreeNode[]>();
  for (const u of nodes) {
    // A parent outside the list (above the manager's scope) makes this one a top row.
    const key = u.parentId !== null && ids.has(u.parentId) ? u.parentId : null;
    const list = children.get(key);
    if (list) list.push(u);
    else children.set(key, [u]);
  }
  const compare = compareBy(sort, countsOf);

  const out: VisibleUnit[] = [];
  const visit = (u: TreeNode, depth: number) => {
    const kids = children.get(u.id) ?? [];
    const expanded = kids.length > 0 && (open === "all" || (open === "default" ? depth === 0 : open.has(u.id)));
    const counts = countsOf(u.id);
    out.push({ ...u, counts, completion: completionPercent(counts), depth, childCount: kids.length, expanded });
    if (expanded) for (const k of [...kids].sort(compare)) visit(k, depth + 1);
  };
  for (const top of [...(children.get(null) ?? [])].sort(compare)) visit(top, 0);
  return out;
}

/** Which rows `visibleUnits` will show (the set does not depend on the sort). */
export function visibleUnitIds(nodes: readonly TreeNode[], open: OpenUnits): string[] {
  const none: StatusCounts = { enrolled: 0, notStarted: 0, inProgress: 0, completed: 0, certified: 0, expiring: 0, expired: 0, overdue: 0 };
  return visibleUnits(nodes, open, "unit", () => none).map((u) => u.id);
}
