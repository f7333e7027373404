import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { id } from "./id";
import { idAccount } from "./id.account";
import { idCredentials } from "./id.credentials";
import { idCurriculum } from "./id.curriculum";
import { idPractice } from "./id.practice";
import { idStaff } from "./id.staff";
import { idSurvey } from "./id.survey";
import { appDir, isStaffRoute, keysUsedBy, reachable, routeFiles, routesDir } from "./key-scan.server";

/**
 * A key in a route part (id.practice.ts, …) is only in the browser on the pages whose route
 * `handle` names that part (docs/decisions/025). This static scan (limits at the top of
 * key-scan.server.ts) checks, for every route module, that each key it or what it imports uses is
 * in the base part, in a part its handle names, or — on kelola/admin/studio pages — in the staff
 * part; and that such a route's loader sends those parts' English.
 */
const parts: Record<string, Readonly<Record<string, string>>> = {
  practice: idPractice,
  credentials: idCredentials,
  curriculum: idCurriculum,
  survey: idSurvey,
  account: idAccount,
};
const allKeys = [id, idStaff, ...Object.values(parts)].flatMap((part) => Object.keys(part));
const source = (file: string) => fs.readFileSync(path.join(routesDir, file), "utf8");

/** The parts a route module's `handle` names, checked against the module each one comes from. */
function partsOf(file: string): string[] {
  const handle = /^export const handle: StringsHandle = \{ strings: \{ ([^}]*) \} \};$/m.exec(source(file));
  if (!handle) return [];
  return handle[1]!.split(",").map((entry) => {
    const [name, value] = entry.split(":").map((s) => s.trim());
    expect(value, `${file}: ${name}`).toBe(`id${name![0]!.toUpperCase()}${name!.slice(1)}`);
    expect(parts, `${file}: unknown part ${name}`).toHaveProperty(name!);
    return name!;
  });
}

/** Where a key lives, for the error message. */
const home = (key: string) =>
  Object.hasOwn(id, key) ? "base" : Object.hasOwn(idStaff, key) ? "staff" : Object.keys(parts).find((p) => Object.hasOwn(parts[p]!, key));

describe("route-scoped dictionary parts", () => {
  it("every key a page uses is in a part that page loads", () => {
    const offenders: string[] = [];
    for (const file of routeFiles) {
      const named = partsOf(file);
      const known = (key: string) =>
        Object.hasOwn(id, key) || (isStaffRoute(file) && Object.hasOwn(idStaff, key)) || named.some((p) => Object.hasOwn(parts[p]!, key));
      for (const used of reachable([path.join(routesDir, file)])) {
        for (const key of keysUsedBy(used, allKeys)) if (!known(key)) offenders.push(`${file} (${path.relative(appDir, used)}): ${key} is in ${home(key)}`);
      }
    }
    expect(offenders, "name the part in the route's handle, or move the key to id.ts / en.ts").toEqual([]);
  });

  it("the root and the lesson components rendered on the server use base keys only", () => {
    // The root is on every page; the MDX components render with the base dictionary (useMdxT).
    const mdx = fs.readdirSync(path.join(appDir, "components/mdx")).map((f) => path.join(appDir, "components/mdx", f));
    const offenders = [...reachable([path.join(appDir, "root.tsx"), ...mdx])].flatMap((file) =>
      keysUsedBy(file, allKeys)
        .filter((key) => !Object.hasOwn(id, key))
        .map((key) => `${path.relative(appDir, file)}: ${key}`),
    );
    expect(offenders).toEqual([]);
  });

  it("a route that names parts sends their English from every JSON its loader returns", () => {
    const missing: string[] = [];
    for (const file of routeFiles.filter((f) => partsOf(f).length)) {
      const text = source(file);
      const start = text.indexOf("export async function loader");
      const loader = text.slice(start, text.indexOf("\n}\n", start));
      const returns = loader.match(/\bjson\(/g)?.length ?? 0;
      const sent = loader.match(/\bi18n: englishParts\(/g)?.length ?? 0;
      if (start < 0 || returns === 0 || sent !== returns) missing.push(`${file}: ${sent} of ${returns} json() calls`);
    }
    expect(missing).toEqual([]);
  });

  it("the lesson page loads no part (it is the page the first-load budget is about)", () => {
    expect(partsOf("kursus.$course.$lesson.tsx")).toEqual([]);
    expect(partsOf("_index.tsx")).toEqual([]);
    expect(routeFiles.filter((f) => partsOf(f).length).length).toBeGreaterThan(10);
  });
});
