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
