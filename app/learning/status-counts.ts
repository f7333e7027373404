/** The dashboard's per-course counters, in display order (shared by server and page). */
export const STATUS_KEYS = ["enrolled", "notStarted", "inProgress", "completed", "certified", "expiring", "expired", "overdue"] as const;
export type StatusCounts = Record<(typeof STATUS_KEYS)[number], number>;
