import { ENROLLMENT_STATUSES, type EnrollmentStatus } from "~/learning/enrollment-status";
import type { LearnerFilters } from "~/models/learner-table.server";

/** Reads the learner-table filters from the query string (shared by the page and the CSV). */
export function learnerFiltersFrom(url: URL): LearnerFilters & { courseId: string | null } {
  const p = url.searchParams;
  const status = p.get("status");
  return {
    unitId: p.get("unit") || null,
    courseId: p.get("kursus") || null,
    status: (ENROLLMENT_STATUSES as readonly string[]).includes(status ?? "") ? (status as EnrollmentStatus) : null,
    lowJp: p.get("jp") === "kurang",
    q: (p.get("q") ?? "").slice(0, 100),
  };
}

/**
 * The learner-table cursor from `?setelah=`: the id of the previous page's last learner (opaque,
 * no name in URLs or logs). Anything that is not id-shaped is dropped and the first page shown.
 */
export function cursorFrom(url: URL): string | null {
  const value = url.searchParams.get("setelah") ?? "";
  return /^[\w-]{1,64}$/.test(value) ? value : null;
}
