import { ENROLLMENT_STATUSES, type EnrollmentStatus } from "~/learning/enrollment-status";
import type { LearnerFilters } from "~/models/dashboard.server";

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
