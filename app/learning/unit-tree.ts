import { STATUS_KEYS, type StatusCounts } from "./status-counts";

/**
 * One agency or unit of the manager's scope, as stored (no numbers yet). `childCount`: how many
 * children it has when they were not all fetched (the dashboard reads only the shown rows).
 */
export type TreeNode = { id: string; parentId: string | null; name: string; code: string; childCount?: number };
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

type Children = Map<string | null, TreeNode[]>;

/**
 * The scope's agencies grouped under their parents once, for both questions the dashboard asks:
 * which rows are shown (to fetch only their counters), then those rows in order.
 */
export function unitTree(nodes: readonly TreeNode[]) {
  const ids = new Set(nodes.map((u) => u.id));
  const children: Children = new Map();
  for (const u of nodes) {
    // A parent outside the list (above the manager's scope) makes this one a top row.
    const key = u.parentId !== null && ids.has(u.parentId) ? u.parentId : null;
    const list = children.get(key);
    if (list) list.push(u);
    else children.set(key, [u]);
  }
  // Depth first from the top rows, into expanded rows only; `order` arranges each sibling list.
  const walk = (
    open: OpenUnits,
    order: (siblings: TreeNode[]) => TreeNode[],
    visit: (u: TreeNode, depth: number, childCount: number, expanded: boolean) => void,
  ) => {
    const step = (u: TreeNode, depth: number) => {
      const kids = children.get(u.id) ?? [];
      const count = u.childCount ?? kids.length;
      const expanded = count > 0 && (open === "all" || (open === "default" ? depth === 0 : open.has(u.id)));
      visit(u, depth, count, expanded);
      if (expanded) for (const k of order(kids)) step(k, depth + 1);
    };
    for (const top of order(children.get(null) ?? [])) step(top, 0);
  };
  return {
    /** Which rows are shown (the set does not depend on the sort, so nothing is sorted). */
    visibleIds(open: OpenUnits): string[] {
      const ids: string[] = [];
      walk(
        open,
        (siblings) => siblings,
        (u) => ids.push(u.id),
      );
      return ids;
    },
    /**
     * The rows the dashboard shows, siblings sorted by the chosen column so sorting never tears
     * a unit away from its parent. `countsOf` is asked for shown rows only.
     */
    visible(open: OpenUnits, sort: UnitSort, countsOf: CountsOf): VisibleUnit[] {
      const compare = compareBy(sort, countsOf);
      const out: VisibleUnit[] = [];
      walk(
        open,
        (siblings) => [...siblings].sort(compare),
        (u, depth, childCount, expanded) => {
          const counts = countsOf(u.id);
          out.push({ id: u.id, parentId: u.parentId, name: u.name, code: u.code, counts, completion: completionPercent(counts), depth, childCount, expanded });
        },
      );
      return out;
    },
  };
}

/**
 * The rows the dashboard shows: the top of the scope, and below it the children of every
 * expanded row, depth first. A province has ~2,000 units; only what was opened is sent.
 */
export function visibleUnits(nodes: readonly TreeNode[], open: OpenUnits, sort: UnitSort, countsOf: CountsOf): VisibleUnit[] {
  return unitTree(nodes).visible(open, sort, countsOf);
}

/** Which rows `visibleUnits` will show. */
export function visibleUnitIds(nodes: readonly TreeNode[], open: OpenUnits): string[] {
  return unitTree(nodes).visibleIds(open);
}
