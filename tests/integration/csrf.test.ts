import { readdirSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { createAccount, createTwoAgencies, post, run, sessionCookieFor } from "../setup/factories";

// Every route with an action, found from the route files, so a new form cannot skip the check.
const routesDir = path.resolve(__dirname, "../../app/routes");
const routeFiles = readdirSync(routesDir).filter((f) => /\.tsx?$/.test(f));

let adminCookie: string;
beforeAll(async () => {
  const tree = await createTwoAgencies();
  adminCookie = await sessionCookieFor((await createAccount(tree.provA.id, "admin")).email);
});

const actions = await Promise.all(
  routeFiles.map(async (file) => ({
    file,
    action: (await import(/* @vite-ignore */ path.join(routesDir, file))).action as ((a: never) => unknown) | undefined,
  })),
);
const withAction = actions.filter((r) => r.action);

describe("CSRF: every POST from another site is refused before it does anything", () => {
  it("finds the forms", () => expect(withAction.length).toBeGreaterThanOrEqual(15));

  const params = {
    token: "x",
    batch: "00000000-0000-0000-0000-000000000000",
    id: "00000000-0000-0000-0000-000000000000",
    course: "x",
    lesson: "x",
    exercise: "x",
    attempt: "x",
    code: "x",
  };
  const hostile: [string, Record<string, string>][] = [
    ["a foreign Origin", { origin: "https://evil.example" }],
    ["Origin: null (sandboxed frame)", { origin: "null" }],
    ["a look-alike Origin", { origin: "http://localhost:3000.evil.example" }],
    ["Sec-Fetch-Site: cross-site without Origin", { origin: "", "sec-fetch-site": "cross-site" }],
  ];
  for (const { file, action } of withAction) {
    for (const [label, headers] of hostile) {
      it(`${file} with ${label} → 403`, async () => {
        const request = post("/x", { intent: "x" }, adminCookie, headers);
        if (headers.origin === "") request.headers.delete("origin");
        expect((await run(action!, request, params)).status).toBe(403);
      });
    }
  }
});
