import { describe, expect, it } from "vitest";
import { daysBetween, digestKey, dueReminder, expiryReminder, isoWeekday, jakartaDate } from "./schedule";

const open = (dueDate: string | null, completed = false) => ({ id: "e1", dueDate, completed });

describe("reminder schedule", () => {
  it("reads the Jakarta calendar", () => {
    expect(jakartaDate(new Date("2026-12-03T16:59:00Z"))).toBe("2026-12-03");
    expect(jakartaDate(new Date("2026-12-03T17:00:00Z"))).toBe("2026-12-04");
    expect(daysBetween("2026-12-03", "2026-12-10")).toBe(7);
    expect(daysBetween("2026-12-10", "2026-12-03")).toBe(-7);
    expect(isoWeekday("2026-12-07")).toBe(1); // Monday
    expect(isoWeekday("2026-12-06")).toBe(7); // Sunday
  });

  it("due date: a week before, on the day, once overdue — one key per due date", () => {
    expect(dueReminder(open("2026-12-11"), "2026-12-03")).toBeNull(); // 8 days ahead
    expect(dueReminder(open("2026-12-10"), "2026-12-03")).toEqual({ kind: "dueSoon", key: "due-soon:e1:2026-12-10", days: 7 });
    // Every day of that week yields the same key: the unique constraint sends it once.
    expect(dueReminder(open("2026-12-10"), "2026-12-08")?.key).toBe("due-soon:e1:2026-12-10");
    expect(dueReminder(open("2026-12-10"), "2026-12-10")).toEqual({ kind: "dueToday", key: "due-today:e1:2026-12-10", days: 0 });
    expect(dueReminder(open("2026-12-10"), "2026-12-11")).toEqual({ kind: "overdue", key: "overdue:e1:2026-12-10", days: -1 });
    expect(dueReminder(open("2026-12-10"), "2026-12-24")?.key).toBe("overdue:e1:2026-12-10");
    expect(dueReminder(open("2026-12-10"), "2027-01-10")).toBeNull(); // long past: no mail storm over old data
    // A moved due date is a new date with its own reminders.
    expect(dueReminder(open("2026-12-17"), "2026-12-10")?.key).toBe("due-soon:e1:2026-12-17");
  });

  it("finished or undated enrolments get nothing", () => {
    expect(dueReminder(open("2026-12-10", true), "2026-12-10")).toBeNull();
    expect(dueReminder(open(null), "2026-12-10")).toBeNull();
  });

  it("certificate expiry: the 90-day notice, then the 30-day one, none after expiry", () => {
    const cert = (expires: string, current = true) => ({ id: "c1", expiresAt: new Date(`${expires}T05:00:00Z`), current });
    expect(expiryReminder(cert("2027-03-04"), "2026-12-03")).toBeNull(); // 91 days
    expect(expiryReminder(cert("2027-03-03"), "2026-12-03")).toEqual({ kind: "expires", key: "expires-90:c1", days: 90, notice: 90 });
    expect(expiryReminder(cert("2027-01-03"), "2026-12-03")?.key).toBe("expires-90:c1"); // 31 days
    expect(expiryReminder(cert("2027-01-02"), "2026-12-03")).toEqual({ kind: "expires", key: "expires-30:c1", days: 30, notice: 30 });
    expect(expiryReminder(cert("2026-12-03"), "2026-12-03")).toBeNull();
    expect(expiryReminder(cert("2027-01-02", false), "2026-12-03")).toBeNull();
  });

  it("the manager's digest comes on their day, keyed by date", () => {
    expect(digestKey("m1", 1, "2026-12-07")).toBe("digest:m1:2026-12-07");
    expect(digestKey("m1", 1, "2026-12-08")).toBeNull();
    expect(digestKey("m1", 2, "2026-12-08")).toBe("digest:m1:2026-12-08");
  });
});
