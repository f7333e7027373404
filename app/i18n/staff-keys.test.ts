import path from "node:path";
import { describe, expect, it } from "vitest";
import { id } from "./id";
import { idStaff } from "./id.staff";
import { appDir, isStaffRoute, keysUsedBy as keysIn, reachable, routeFiles, routesDir } from "./key-scan.server";

/**
 * Staff-only strings (id.staff.ts) reach the browser only for managers, admins and instructors
 * (docs/decisions/010). This static scan checks that no page a learner or anonymous visitor can
 * open uses one of them: starting from app/root.tsx and every route outside kelola/admin/studio,
 * it follows `~/` and relative imports and collects the key literals of every file reached (its
 * limits are written at the top of key-scan.server.ts).
 */
const baseKeys = Object.keys(id);
const staffKeys = Object.keys(idStaff);
const allKeys = [...baseKeys, ...staffKeys];
const keysUsedBy = (file: string) => keysIn(file, allKeys);
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
    expect(baseKeys.length).toBeGreaterThan(100);
  });
});
