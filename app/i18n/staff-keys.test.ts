import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { id } from "./id";
import { idStaff } from "./id.staff";

/**
 * Staff-only strings (id.staff.ts) reach the browser only for managers, admins and instructors
 * (docs/decisions/010). This static scan checks that no page a learner or anonymous visitor can
 * open uses one of them: starting from app/root.tsx and every route outside kelola/admin/studio,
 * it follows `~/` and relative imports and collects the key literals of every file reached.
 *
 * Limits (it is a scan of text, not a type analysis):
 * - keys are found as quoted literals ("a.b", 'a.b', `a.b`); a template like `hoax.type.${x}`
 *   counts as using every key starting with `hoax.type.`; keys built any other way are missed;
 * - app/models/ is not followed: every page shares the models, and the keys they return
 *   (import errors, audit…) belong to their staff callers; a model returning a key to a learner
 *   page must have it written in that page too (or be added here);
 * - a key in a learner-reachable file counts even inside a staff-only branch (e.g. the admin
 *   link in the root header): such keys simply stay in the base dictionary.
 */
const appDir = fileURLToPath(new URL("..", import.meta.url));
const baseKeys = Object.keys(id);
const staffKeys = Object.keys(idStaff);
const allKeys = [...baseKeys, ...staffKeys];

const isStaffRoute = (file: string) => /^(kelola|admin|studio)\./.test(file);

function resolveImport(from: string, spec: string): string | null {
  let base: string;
  if (spec.startsWith("~/")) base = path.join(appDir, spec.slice(2));
  else if (spec.startsWith(".")) base = path.join(path.dirname(from), spec);
  else return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts"), path.join(base, "index.tsx")]) {
    if (/\.tsx?$/.test(candidate) && fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/** Files reached from `entries` through value imports (type-only imports carry no strings). */
function reachable(entries: string[]): Set<string> {
  const seen = new Set<string>();
  const stack = [...entries];
  while (stack.length) {
    const file = stack.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const source = fs.readFileSync(file, "utf8");
    for (const m of source.matchAll(/(?:import|export)\s+(type\s+)?(?:[^"';]*?\sfrom\s+)?["']([^"']+)["']/g)) {
      if (m[1]) continue;
      const target = resolveImport(file, m[2]!);
      const rel = target && path.relative(appDir, target);
      if (target && rel && !rel.startsWith("i18n/") && !rel.startsWith("models/")) stack.push(target);
    }
  }
  return seen;
}

/** Dictionary keys a file names, literally or as the prefix of a template literal. */
function keysUsedBy(file: string): string[] {
  const source = fs.readFileSync(file, "utf8");
  const used = new Set<string>();
  for (const m of source.matchAll(/["'`]([a-zA-Z][\w-]*(?:\.[\w-]+)+)["'`]/g)) if (allKeys.includes(m[1]!)) used.add(m[1]!);
  for (const m of source.matchAll(/`([a-zA-Z][\w-]*(?:\.[\w-]+)*\.)\$\{/g)) for (const key of allKeys) if (key.startsWith(m[1]!)) used.add(key);
  return [...used];
}

const routesDir = path.join(appDir, "routes");
const routeFiles = fs.readdirSync(routesDir);
const learnerFiles = reachable([path.join(appDir, "root.tsx"), ...routeFiles.filter((f) => !isStaffRoute(f)).map((f) => path.join(routesDir, f))]);

describe("staff-only strings", () => {
  it("the scan sees the learner pages and their components, and no staff route", () => {
    const rel = [...learnerFiles].map((f) => path.relative(appDir, f));
    for (const file of [
      "root.tsx",
      "routes/_index.tsx",
      "routes/kursus.$course.$lesson.tsx",
      "routes/masuk.tsx",
      "components/lesson-view.tsx",
      "components/kept-form.tsx",
      "validation/account.ts",
    ]) {
      expect(rel, file).toContain(file);
    }
    expect(rel.filter((f) => /^routes\/(kelola|admin|studio)\./.test(f))).toEqual([]);
  });

  it("no file a learner or anonymous visitor can reach uses a staff-only key", () => {
    const offenders: string[] = [];
    for (const file of learnerFiles) {
      for (const key of keysUsedBy(file)) if (Object.hasOwn(idStaff, key)) offenders.push(`${path.relative(appDir, file)}: ${key}`);
    }
    expect(offenders, "move these keys back to id.ts / en.ts").toEqual([]);
  });

  it("the staff dictionary holds what the kelola, admin and studio pages use", () => {
    const staffFiles = reachable(routeFiles.filter(isStaffRoute).map((f) => path.join(routesDir, f)));
    const used = new Set([...staffFiles].flatMap(keysUsedBy));
    // Sanity check that the scan finds keys at all, and that staff pages do use the staff part.
    expect(staffKeys.filter((key) => used.has(key)).length).toBeGreaterThan(staffKeys.length / 2);
    expect(baseKeys.length).toBeGreaterThan(200);
  });
});
