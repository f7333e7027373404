/**
 * When reminders are due (decision 019). Pure: the tick asks these rules about each candidate and
 * enqueues what they return; the keys make a reminder unique, so a second tick or a second app
 * instance finds the message already there and sends nothing.
 */

const DAY_MS = 86_400_000;
// Asia/Jakarta (WIB) is UTC+7 without daylight saving; reminders follow the Jakarta calendar.
const WIB_OFFSET_MS = 7 * 3_600_000;

/** Reminders before a due date start this many days ahead. */
export const DUE_SOON_DAYS = 7;
/** An overdue notice is sent only for due dates this recent (no mail storm over old data). */
export const OVERDUE_LOOKBACK_DAYS = 14;
/** Certificate expiry reminders: the first 90 days ahead, the second 30. */
export const EXPIRY_NOTICE_DAYS = [90, 30] as const;

/** The Jakarta calendar date of a moment, "2026-12-03". */
export function jakartaDate(now: Date): string {
  return new Date(now.getTime() + WIB_OFFSET_MS).toISOString().slice(0, 10);
}

/** Whole days from calendar date `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** ISO weekday of a calendar date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

export type DueReminder = { kind: "dueSoon" | "dueToday" | "overdue"; key: string; days: number };

/**
 * The reminder an unfinished enrolment with a due date gets today, if any: "dueSoon" within the
 * week before (one per due date), "dueToday" on the day, "overdue" once after it. A changed due
 * date is a new date, so it gets its own reminders.
 */
export function dueReminder(enrollment: { id: string; dueDate: string | null; completed: boolean }, today: string): DueReminder | null {
  if (enrollment.completed || !enrollment.dueDate) return null;
  const days = daysBetween(today, enrollment.dueDate);
  const at = `${enrollment.id}:${enrollment.dueDate}`;
  if (days >= 1 && days <= DUE_SOON_DAYS) return { kind: "dueSoon", key: `due-soon:${at}`, days };
  if (days === 0) return { kind: "dueToday", key: `due-today:${at}`, days };
  if (days < 0 && -days <= OVERDUE_LOOKBACK_DAYS) return { kind: "overdue", key: `overdue:${at}`, days };
  return null;
}

export type ExpiryReminder = { kind: "expires"; key: string; days: number; notice: (typeof EXPIRY_NOTICE_DAYS)[number] };

/**
 * The expiry reminder of a current certificate today: the 90-day notice while 31–90 days remain,
 * the 30-day one in the last 30 days. Revoked, replaced or expired certificates get none.
 */
export function expiryReminder(cert: { id: string; expiresAt: Date | null; current: boolean }, today: string): ExpiryReminder | null {
  if (!cert.current || !cert.expiresAt) return null;
  const days = daysBetween(today, jakartaDate(cert.expiresAt));
  if (days <= 0) return null;
  const notice = days <= 30 ? 30 : days <= 90 ? 90 : null;
  return notice ? { kind: "expires", key: `expires-${notice}:${cert.id}`, days, notice } : null;
}

/** The manager's weekly digest key when today is their digest day (else null). */
export function digestKey(managerId: string, digestDay: number, today: string): string | null {
  return isoWeekday(today) === digestDay ? `digest:${managerId}:${today}` : null;
}

/** Retry delays after a failed send: pg-boss doubles `retryDelay` each time (1 min, 2, 4, … capped). */
export const SEND_RETRY = { retryLimit: 5, retryDelay: 60, retryBackoff: true, retryDelayMax: 3600 } as const;
