import { describe, expect, it } from "vitest";
import { attemptAllowance } from "./attempt-window";

const rule = { max: 3, windowHours: 24 };
const at = (iso: string) => new Date(iso);

describe("attempt windows", () => {
  it("allows up to max attempts in the rolling window", () => {
    const now = at("2026-12-03T12:00:00Z");
    expect(attemptAllowance([], rule, now)).toEqual({ used: 0, remaining: 3, opensAt: null });
    expect(attemptAllowance([at("2026-12-03T08:00:00Z"), at("2026-12-03T09:00:00Z")], rule, now)).toEqual({ used: 2, remaining: 1, opensAt: null });
  });

  it("opens again when the oldest attempt in the window leaves it", () => {
    const now = at("2026-12-03T12:00:00Z");
    const used = [at("2026-12-03T11:00:00Z"), at("2026-12-02T13:30:00Z"), at("2026-12-03T10:00:00Z")];
    expect(attemptAllowance(used, rule, now)).toEqual({ used: 3, remaining: 0, opensAt: at("2026-12-03T13:30:00Z") });
    // At that moment exactly, the oldest no longer counts.
    expect(attemptAllowance(used, rule, at("2026-12-03T13:30:00Z"))).toMatchObject({ used: 2, remaining: 1, opensAt: null });
  });

  it("ignores attempts older than the window, and picks the right one when over the limit", () => {
    const now = at("2026-12-10T00:00:00Z");
    expect(attemptAllowance([at("2026-12-01T00:00:00Z"), at("2026-12-08T00:00:00Z")], rule, now).used).toBe(0);
    const four = ["2026-12-09T01:00:00Z", "2026-12-09T02:00:00Z", "2026-12-09T03:00:00Z", "2026-12-09T04:00:00Z"].map(at);
    expect(attemptAllowance(four, rule, now).opensAt).toEqual(at("2026-12-10T02:00:00Z"));
    expect(attemptAllowance(four, { max: 1, windowHours: 2 }, at("2026-12-09T04:30:00Z")).opensAt).toEqual(at("2026-12-09T06:00:00Z"));
  });
});
