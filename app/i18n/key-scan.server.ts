import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * A static scan of app/ for dictionary keys, shared by the tests that check which dictionary part
 * a page can use (staff-keys.test.ts, route-parts.test.ts). It is a scan of text, not a type
 * analysis:
 * - keys are found as quoted literals ("a.b", 'a.b', `a.b`); a template like `hoax.type.${x}`
 *   counts as using every key starting with `hoax.type.`; keys built any other way are missed;
 * - app/models/ is not followed: every page shares the models, and the keys they return
 *   (import errors, audit…) belong to their callers; a model returning a key to a page must have
 *   it written in that page too (or be added to the tests);
 * - a key in a reachable file counts even inside a branch the page never takes: such keys simply
 *   stay where every page that may take the branch has them.
 */
export const appDir = fileURLToPath(new URL("..", import.meta.url));
export const routesDir = path.join(appDir, "routes");
export const routeFiles = fs.readdirSync(routesDir);
export const isStaffRoute = (file: string) => /^(kelola|admin|studio)\./.test(file);

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

/** Files reached from `entries` through value imports (type-only imports carry no strings), dictionaries and models left out. */
export function reachable(entries: string[]): Set<string> {
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

/** Which of `keys` a file names, literally or as the prefix of a template literal. */
export function keysUsedBy(file: string, keys: readonly string[]): string[] {
  const source = fs.readFileSync(file, "utf8");
  const known = new Set(keys);
  const used = new Set<string>();
  for (const m of source.matchAll(/["'`]([a-zA-Z][\w-]*(?:\.[\w-]+)+)["'`]/g)) if (known.has(m[1]!)) used.add(m[1]!);
  for (const m of source.matchAll(/`([a-zA-Z][\w-]*(?:\.[\w-]+)*\.)\$\{/g)) for (const key of keys) if (key.startsWith(m[1]!)) used.add(key);
  return [...used];
}
