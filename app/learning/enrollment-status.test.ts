import { describe, expect, it } from "vitest";
import { enrollmentStatus, type EnrollmentFacts } from "./enrollment-status";

const base: EnrollmentFacts = {
  enrolled: true,
  completedLessons: 0,
  startedAt: null,
  completedAt: null,
  dueDate: null,
  certExpiresAt: null,
  certRevoked: false,
};
const now = new Date("2026-11-22T05:00:00Z");

describe("enrollment status", () => {
  it("walks from not enrolled to certified", () => {
    expect(enrollmentStatus({ ...base, enrolled: false }, now)).toBe("not-enrolled");
    expect(enrollmentStatus(base, now)).toBe("not-started");
    expect(enrollmentStatus({ ...base, startedAt: now }, now)).toBe("in-progress");
    expect(enrollmentStatus({ ...base, completedAt: now }, now)).toBe("completed");
    expect(enrollmentStatus({ ...base, completedAt: now, certExpiresAt: new Date("2028-01-01") }, now)).toBe("certified");
  });
  it("marks unfinished courses past their due date as overdue, but not finished ones", () => {
    expect(enrollmentStatus({ ...base, dueDate: "2026-11-21" }, now)).toBe("overdue");
    expect(enrollmentStatus({ ...base, dueDate: "2026-11-22" }, now)).toBe("not-started");
    expect(enrollmentStatus({ ...base, dueDate: "2026-11-21", completedAt: now }, now)).toBe("completed");
  });
  it("shows expired certificates and ignores revoked ones", () => {
    expect(enrollmentStatus({ ...base, completedAt: now, certExpiresAt: new Date("2026-01-01") }, now)).toBe("expired");
    expect(enrollmentStatus({ ...base, completedAt: now, certExpiresAt: new Date("2028-01-01"), certRevoked: true }, now)).toBe("completed");
  });
});
