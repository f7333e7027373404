import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * postgres.js 3.4.9 can crash the process when PostgreSQL restarts (porsager/postgres#1154,
 * #1208; unreleased fixes #1168/#1176/#1209). db/patches/postgres+3.4.9.patch guards it and
 * `patch-package --error-on-fail` refuses to install when the patch no longer applies. This
 * test fails if the guard is not in the code the app actually loads. The same patch keeps a
 * transaction's connection reserved (porsager/postgres#823; db/postgres-begin-race.test.ts).
 */
describe("postgres.js null-socket guard", () => {
  // The entry the app loads (cjs) sits in <root>/cjs/src/index.js.
  const root = path.resolve(path.dirname(createRequire(import.meta.url).resolve("postgres")), "../..");
  const { version } = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { version: string };

  it("is written for the installed version", () => {
    expect(version, "upgrade: check whether upstream fixed nextWrite, then drop or regenerate db/patches/postgres+*.patch").toBe("3.4.9");
  });

  for (const dir of ["src", "cjs/src"]) {
    it(`is in ${dir}/connection.js`, () => {
      const source = readFileSync(path.join(root, dir, "connection.js"), "utf8");
      expect(source).toContain("/* sigap: null-socket guard */");
      expect(source.split("nextWriteTimer = null, chunk = null")).toHaveLength(3);
      // The transaction fixes of db/postgres-begin-race.test.ts (which needs the real server).
      expect(source).toContain("/* sigap: reserve on BEGIN */");
      expect(source).toContain("!query && !connection.reserved && onopen(connection)");
    });
  }
});
