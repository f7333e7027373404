import { describe, expect, it } from "vitest";
import { parseOpenUnits, toggledOpenParam, visibleUnitIds, visibleUnits as visible, type OpenUnits, type TreeNode, type UnitSort } from "./unit-tree";

const counts = (enrolled: number, completed: number) => ({
  enrolled,
  notStarted: 0,
  inProgress: 0,
  completed,
  certified: 0,
  expiring: 0,
  expired: 0,
  overdue: enrolled - completed,
});
const numbers = new Map<string, ReturnType<typeof counts>>();
const unit = (id: string, parentId: string | null, name: string, enrolled = 0, completed = 0): TreeNode => {
  numbers.set(id, counts(enrolled, completed));
  return { id, parentId, name, code: id.toUpperCase() };
};

// Province → two regencies → agencies → a unit, in storage (id) order, not name order.
const units = [
  unit("p", null, "Provinsi", 10, 5),
  unit("r2", "p", "Kabupaten Lahat", 4, 4),
  unit("r1", "p", "Kabupaten OKU", 6, 1),
  unit("a1", "r1", "Disdukcapil OKU", 6, 1),
  unit("u1", "a1", "Bidang Pelayanan", 6, 1),
  unit("a2", "r2", "Diskominfo Lahat", 4, 4),
];
const asked: string[] = [];
const visibleUnits = (nodes: TreeNode[], open: OpenUnits, sort: UnitSort) =>
  visible(nodes, open, sort, (id) => {
    asked.push(id);
    return numbers.get(id)!;
  });
const names = (rows: { name: string; depth: number }[]) => rows.map((r) => `${"-".repeat(r.depth)}${r.name}`);

describe("the dashboard's unit tree", () => {
  it("shows the top rows and their children by default, siblings by name", () => {
    const rows = visibleUnits(units, "default", "unit");
    expect(names(rows)).toEqual(["Provinsi", "-Kabupaten Lahat", "-Kabupaten OKU"]);
    expect(rows.map((r) => [r.id, r.expanded, r.childCount])).toEqual([
      ["p", true, 2],
      ["r2", false, 1],
      ["r1", false, 1],
    ]);
  });

  it("asks for the numbers of shown rows only, and carries them with a completion percentage", () => {
    asked.length = 0;
    const rows = visibleUnits(units, "default", "completion");
    expect(new Set(asked)).toEqual(new Set(["p", "r1", "r2"]));
    expect(rows.map((r) => [r.id, r.counts.enrolled, r.completion])).toEqual([
      ["p", 10, 50],
      ["r2", 4, 100],
      ["r1", 6, 17],
    ]);
    expect(visibleUnitIds(units, new Set(["p", "r2"]))).toEqual(["p", "r2", "a2", "r1"]);
  });

  it("opens exactly the rows asked for, and only under open parents", () => {
    expect(names(visibleUnits(units, new Set(["p", "r1"]), "unit"))).toEqual(["Provinsi", "-Kabupaten Lahat", "-Kabupaten OKU", "--Disdukcapil OKU"]);
    // a1 is open but its parent r1 is closed: nothing below p shows beyond the regencies.
    expect(names(visibleUnits(units, new Set(["p", "a1"]), "unit"))).toEqual(["Provinsi", "-Kabupaten Lahat", "-Kabupaten OKU"]);
    expect(names(visibleUnits(units, new Set(), "unit"))).toEqual(["Provinsi"]);
    expect(visibleUnits(units, "all", "unit")).toHaveLength(units.length);
  });

  it("sorts siblings by a column, highest first, without tearing units from their parents", () => {
    expect(names(visibleUnits(units, "all", "completion"))).toEqual([
      "Provinsi",
      "-Kabupaten Lahat",
      "--Diskominfo Lahat",
      "-Kabupaten OKU",
      "--Disdukcapil OKU",
      "---Bidang Pelayanan",
    ]);
    expect(names(visibleUnits(units, "default", "overdue"))).toEqual(["Provinsi", "-Kabupaten OKU", "-Kabupaten Lahat"]);
  });

  it("treats units whose parent is outside the scope as top rows (a manager's own agency)", () => {
    const scoped = units.filter((u) => ["a1", "u1"].includes(u.id));
    expect(names(visibleUnits(scoped, "default", "unit"))).toEqual(["Disdukcapil OKU", "-Bidang Pelayanan"]);
  });

  it("reads and toggles the buka parameter", () => {
    expect(parseOpenUnits(null)).toBe("default");
    expect(parseOpenUnits("semua")).toBe("all");
    expect(parseOpenUnits("")).toEqual(new Set());
    expect(parseOpenUnits("a,,b")).toEqual(new Set(["a", "b"]));
    expect((parseOpenUnits(Array.from({ length: 500 }, (_, i) => `x${i}`).join(",")) as Set<string>).size).toBe(200);
    expect(toggledOpenParam(["p"], "r1")).toBe("p,r1");
    expect(toggledOpenParam(["p", "r1"], "p")).toBe("r1");
    expect(toggledOpenParam(["p"], "p")).toBe("");
  });
});
