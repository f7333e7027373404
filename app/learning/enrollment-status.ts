/**
 * One learner's status in one course, as the dashboard, the learner table and the CSV show it.
 * Certificate states win over progress; "overdue" is an unfinished course past its due date.
 */
export const ENROLLMENT_STATUSES = ["not-enrolled", "not-started", "in-progress", "overdue", "completed", "certified", "expired"] as const;
export type EnrollmentStatus = (typeof ENROLLMENT_STATUSES)[number];

export type EnrollmentFacts = {
  enrolled: boolean;
  completedLessons: number;
  startedAt: Date | null;
  completedAt: Date | null;
  dueDate: string | null;
  certExpiresAt: Date | null;
  certRevoked: boolean;
};

export function enrollmentStatus(f: EnrollmentFacts, now = new Date()): EnrollmentStatus {
  if (!f.enrolled) return "not-enrolled";
  if (f.certExpiresAt && !f.certRevoked) return f.certExpiresAt.getTime() > now.getTime() ? "certified" : "expired";
  if (f.completedAt) return "completed";
  if (f.dueDate && f.dueDate < now.toISOString().slice(0, 10)) return "overdue";
  return f.startedAt || f.completedLessons > 0 ? "in-progress" : "not-started";
}
