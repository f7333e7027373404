import { describe, expect, it } from "vitest";
import { jpHistory, jpRule, jpStanding, type JpCertificate } from "./jp";

const cert = (code: string, issued: string, jp: number, extra: Partial<JpCertificate> = {}): JpCertificate => ({
  code,
  courseTitle: `Kursus ${code}`,
  courseVersion: "1.0.0",
  jp,
  issuedAt: new Date(issued),
  expiresAt: new Date(new Date(issued).getTime() + 365 * 86400e3),
  revokedAt: null,
  replacedBy: null,
  ...extra,
});

describe("jpHistory", () => {
  const now = new Date("2026-06-01T00:00:00Z");

  it("groups by Jakarta year, newest year first, and sums JP against 20", () => {
    const history = jpHistory(
      [cert("A", "2024-05-01T00:00:00Z", 3), cert("B", "2026-02-01T00:00:00Z", 12), cert("C", "2026-01-01T00:00:00Z", 8), cert("D", "2025-12-31T17:30:00Z", 2)],
      now,
    );
    expect(history.map((y) => [y.year, y.jp, y.standing])).toEqual([
      [2026, 22, { state: "met" }],
      [2024, 3, { state: "short", missing: 17 }],
    ]);
    // 31 Dec 17:30 UTC is 1 Jan 00:30 WIB: it belongs to 2026, listed first.
    expect(history[0]!.records.map((r) => r.code)).toEqual(["D", "C", "B"]);
    expect(history[0]!.rule).toEqual({ kind: "pns", duty: 20 });
  });

  it("always shows the current year, and leaves revoked certificates out", () => {
    const history = jpHistory(
      [cert("A", "2025-03-01T00:00:00Z", 5, { revokedAt: new Date("2025-04-01T00:00:00Z") }), cert("B", "2025-03-02T00:00:00Z", 1)],
      now,
    );
    expect(history.map((y) => [y.year, y.jp, y.records.length])).toEqual([
      [2026, 0, 0],
      [2025, 1, 1],
    ]);
  });

  it("keeps replaced and expired certificates: the training happened", () => {
    const history = jpHistory([cert("A", "2024-03-01T00:00:00Z", 4, { replacedBy: "x" })], now);
    expect(history[1]).toMatchObject({ year: 2024, jp: 4 });
  });

  it("holds a PPPK to the 24 JP cap instead of the 20 JP duty", () => {
    const certs = [cert("A", "2026-02-01T00:00:00Z", 12), cert("B", "2026-03-01T00:00:00Z", 12.5), cert("C", "2025-03-01T00:00:00Z", 4)];
    const history = jpHistory(certs, now, "pppk");
    expect(history.map((y) => [y.year, y.jp, y.standing])).toEqual([
      [2026, 24.5, { state: "over", excess: 0.5 }],
      [2025, 4, { state: "within" }],
    ]);
    expect(history[0]!.rule).toEqual({ kind: "pppk", cap: 24 });
    // Exactly the cap is still within it; the same JP for a PNS is a met duty.
    expect(jpStanding(24, jpRule("pppk"))).toEqual({ state: "within" });
    expect(jpStanding(24, jpRule("pns"))).toEqual({ state: "met" });
  });
});
