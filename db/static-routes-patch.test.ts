import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

/**
 * db/patches/@remix-run+react+*.patch and react-router-dom+*.patch (issue 18): RemixServer made
 * its route objects (createServerRoutes) and react-router converted them to data routes for every
 * document, so the router also flattened and ranked the whole route table again for every page
 * (≈ 10 % of a lesson page's CPU in a profile). Both are now kept per build / per route array.
 * This test fails if a patch is missing from the code the server loads, and checks the static
 * router still matches and maps its matches onto the kept routes.
 */
const require = createRequire(import.meta.url);

describe("static route patches", () => {
  it("are in the files the server loads", () => {
    expect(readFileSync(require.resolve("@remix-run/react/dist/server.js"), "utf8")).toContain("const serverRoutesCache = new WeakMap();");
    expect(readFileSync(require.resolve("react-router-dom/server.js"), "utf8")).toContain("const staticDataRoutes = new WeakMap();");
  });

  it("gives the same data routes for the same array, matched as before", async () => {
    const { createStaticHandler, createStaticRouter } = (await import(
      require.resolve("react-router-dom/server.js")
    )) as typeof import("react-router-dom/server");
    const routes = [{ id: "root", path: "/", children: [{ id: "lesson", path: "kursus/:course/:lesson", loader: () => ({ ok: true }) }] }];
    const handler = createStaticHandler(routes);
    const routers = [];
    for (const path of ["/kursus/a/b", "/kursus/c/d"]) {
      const context = await handler.query(new Request(`http://localhost${path}`));
      if (context instanceof Response) throw new Error("unexpected response");
      const router = createStaticRouter(routes, context);
      expect(router.state.matches.map((m) => [m.route.id, m.params.lesson])).toEqual([
        ["root", path.slice(-1)],
        ["lesson", path.slice(-1)],
      ]);
      // Matches point at the kept data routes, not at the handler's own route objects.
      expect(router.routes[0]!.children![0]).toBe(router.state.matches[1]!.route);
      routers.push(router);
    }
    expect(routers[0]!.routes).toBe(routers[1]!.routes);
  });
});
