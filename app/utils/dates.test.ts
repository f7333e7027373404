import { describe, expect, it } from "vitest";
import { formatMonth } from "./dates";

describe("formatMonth", () => {
  it("writes a month as people do, not as ISO (issue 15 item 5, failed on main: the chart showed 2026-12)", () => {
    expect(formatMonth("2026-12")).toBe("Des 2026");
    expect(formatMonth("2026-05", "id")).toBe("Mei 2026");
    expect(formatMonth("2026-08", "en")).toBe("Aug 2026");
    expect(formatMonth("bukan")).toBe("bukan");
  });
});

describe("one date format everywhere (issue 15 item 11, failed on main: ISO dates and three different styles)", () => {
  it("writes a moment as '3 Des 2026, 15.13' in Jakarta time", async () => {
    const { formatDate, formatDateTime, formatLongDate } = await import("./dates");
    expect(formatDateTime("2026-12-03T08:13:00Z")).toBe("3 Des 2026, 15.13");
    expect(formatDateTime("2026-12-03T08:13:00Z", "en")).toBe("3 Dec 2026, 15:13");
    expect(formatDateTime(new Date("2026-12-31T17:05:00Z"))).toBe("1 Jan 2027, 00.05");
    expect(formatDate("2026-08-17")).toBe("17 Agu 2026");
    expect(formatDate("2026-08-17", "en")).toBe("17 Aug 2026");
    // Printed certificates keep the month written out.
    expect(formatLongDate("2026-11-22T03:00:00Z")).toBe("22 November 2026");
  });
});
