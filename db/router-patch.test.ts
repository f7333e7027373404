import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

/**
 * db/patches/@remix-run+router+*.patch (issue 18): the server's copy of the router (the CJS
 * build; the browser bundle uses the ESM one, untouched) keeps the flattened, ranked route
 * branches per route array and the compiled path patterns, instead of rebuilding both on every
 * match — three matches per request, ≈ 15 % of a page's CPU in a profile. This test fails if the
 * patch is not in the code the server loads, and checks matching still behaves.
 */
const require = createRequire(import.meta.url);
const file = require.resolve("@remix-run/router");

describe("@remix-run/router route-table patch", () => {
  it("is in the file the server loads", () => {
    const source = readFileSync(file, "utf8");
    expect(source).toContain("const rankedBranches = new WeakMap();");
    expect(source).toContain("const compiledPaths = new Map();");
  });

  it("matches as before, the second time from the kept table", async () => {
    const { matchRoutes } = (await import(file)) as typeof import("@remix-run/router");
    const routes = [
      {
        id: "root",
        path: "/",
        children: [
          { id: "lesson", path: "kursus/:course/:lesson" },
          { id: "course", path: "kursus/:course" },
          { id: "index", index: true },
        ],
      },
    ];
    for (let i = 0; i < 2; i++) {
      expect(matchRoutes(routes, "/kursus/a/b")?.map((m) => [m.route.id, m.params])).toEqual([
        ["root", { course: "a", lesson: "b" }],
        ["lesson", { course: "a", lesson: "b" }],
      ]);
      expect(matchRoutes(routes, "/kursus/a")?.at(-1)?.route.id).toBe("course");
      expect(matchRoutes(routes, "/")?.at(-1)?.route.id).toBe("index");
      expect(matchRoutes(routes, "/tidak/ada")).toBeNull();
    }
  });
});
