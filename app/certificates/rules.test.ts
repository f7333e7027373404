import { describe, expect, it } from "vitest";
import { canRecertify, certificateStatus, courseComplete, daysUntilExpiry, expiresSoon, expiryDate, jpInYear } from "./rules";

const d = (s: string) => new Date(s);

describe("certificate rules", () => {
  it("adds validity months, clamping to month ends", () => {
    expect(expiryDate(d("2026-01-31T03:00:00Z"), 1).toISOString()).toBe("2026-02-28T03:00:00.000Z");
    expect(expiryDate(d("2026-11-22T03:00:00Z"), 24).toISOString()).toBe("2028-11-22T03:00:00.000Z");
    expect(expiryDate(d("2027-12-15T00:00:00Z"), 2).toISOString()).toBe("2028-02-15T00:00:00.000Z");
  });

  it("derives status: revoked beats replaced beats expired", () => {
    const base = { expiresAt: d("2027-01-01"), revokedAt: null, replacedBy: null };
    expect(certificateStatus(base, d("2026-06-01"))).toBe("valid");
    expect(certificateStatus(base, d("2027-01-01"))).toBe("expired");
    expect(certificateStatus({ ...base, replacedBy: "x" }, d("2026-06-01"))).toBe("replaced");
    expect(certificateStatus({ ...base, replacedBy: "x", revokedAt: d("2026-05-01") }, d("2026-06-01"))).toBe("revoked");
    expect(certificateStatus({ ...base, suspendedAt: d("2026-05-01") }, d("2026-06-01"))).toBe("suspended");
    expect(certificateStatus({ ...base, suspendedAt: d("2026-05-01") }, d("2027-06-01"))).toBe("suspended");
    expect(certificateStatus({ ...base, suspendedAt: d("2026-05-01"), revokedAt: d("2026-05-02") }, d("2026-06-01"))).toBe("revoked");
  });

  it("offers recertification only from 90 days before expiry, once expired or while suspended, and once", () => {
    const c = { expiresAt: d("2027-01-01T00:00:00Z"), revokedAt: null, replacedBy: null, renewalStartedAt: null };
    expect(canRecertify(c, d("2026-06-01T00:00:00Z"))).toBe(false);
    expect(canRecertify(c, d("2026-10-03T00:00:00Z"))).toBe(true);
    expect(canRecertify(c, d("2027-02-01T00:00:00Z"))).toBe(true);
    expect(canRecertify({ ...c, suspendedAt: d("2026-05-01") }, d("2026-06-01T00:00:00Z"))).toBe(true);
    expect(canRecertify({ ...c, renewalStartedAt: d("2026-12-01") }, d("2027-02-01T00:00:00Z"))).toBe(false);
    expect(canRecertify({ ...c, revokedAt: d("2026-05-01") }, d("2027-02-01T00:00:00Z"))).toBe(false);
    expect(canRecertify({ ...c, replacedBy: "x" }, d("2027-02-01T00:00:00Z"))).toBe(false);
  });

  it("warns from 90 days before expiry, not earlier and not after", () => {
    const c = { expiresAt: d("2027-01-01T00:00:00Z"), revokedAt: null, replacedBy: null };
    expect(expiresSoon(c, d("2026-10-03T00:00:00Z"))).toBe(true);
    expect(expiresSoon(c, d("2026-10-02T00:00:00Z"))).toBe(false);
    expect(daysUntilExpiry(c, d("2026-10-03T00:00:00Z"))).toBe(90);
    expect(expiresSoon(c, d("2026-09-01T00:00:00Z"))).toBe(false);
    expect(expiresSoon(c, d("2027-01-02T00:00:00Z"))).toBe(false);
    expect(daysUntilExpiry(c, d("2027-01-02T00:00:00Z"))).toBeNull();
  });

  it("sums JP per Jakarta calendar year, ignoring revoked certificates", () => {
    const certs = [
      { jp: 3, issuedAt: d("2026-03-01T00:00:00Z"), revokedAt: null },
      { jp: 2, issuedAt: d("2026-12-31T18:00:00Z"), revokedAt: null }, // already 1 Jan 2027 in Jakarta
      { jp: 5, issuedAt: d("2026-05-01T00:00:00Z"), revokedAt: d("2026-06-01T00:00:00Z") },
      { jp: 7, issuedAt: d("2026-05-01T00:00:00Z"), revokedAt: null, suspendedAt: d("2026-06-01T00:00:00Z") },
    ];
    expect(jpInYear(certs, 2026)).toBe(3);
    expect(jpInYear(certs, 2027)).toBe(2);
  });

  it("needs every lesson", () => {
    expect(courseComplete(8, 8)).toBe(true);
    expect(courseComplete(8, 7)).toBe(false);
    expect(courseComplete(0, 0)).toBe(false);
  });
});
