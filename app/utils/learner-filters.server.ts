import { ENROLLMENT_STATUSES, type EnrollmentStatus } from "~/learning/enrollment-status";
import type { LearnerCursor, LearnerFilters } from "~/models/dashboard.server";

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

/** The keyset cursor of the learner table as an opaque query parameter (`setelah`). */
export function encodeCursor(cursor: LearnerCursor): string {
  return Buffer.from(JSON.stringify([cursor.path, cursor.name, cursor.id])).toString("base64url");
}

/** The cursor from `?setelah=`, or null when missing or tampered with (the first page is shown). */
export function cursorFrom(url: URL): LearnerCursor | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(url.searchParams.get("setelah") ?? "", "base64url").toString("utf8"));
    if (Array.isArray(value) && value.length === 3 && value.every((v) => typeof v === "string")) return { path: value[0], name: value[1], id: value[2] };
  } catch {
    // fall through
  }
  return null;
}
