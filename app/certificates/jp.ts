/**
 * The JP history of one person, by calendar year (Asia/Jakarta): every certified course with its
 * JP, against the rule for their kind of civil servant — a PNS owes at least 20 JP a year
 * (PP 11/2017 Pasal 203), a PPPK may take at most 24 JP per contract year (PP 49/2018 Pasal 39;
 * Sigap does not know contract dates, so it counts the calendar year and says so).
 * Pure, shared by /saya/sertifikat, the ledger and their tests.
 * Revoked and suspended certificates do not count.
 */
import { certificateStatus, JP_YEARLY_DUTY, PPPK_YEARLY_CAP } from "./rules";
import { jakartaYear } from "~/utils/dates";

export type JpCertificate = {
  code: string;
  courseTitle: string;
  courseVersion: string;
  jp: number;
  issuedAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
  replacedBy: string | null;
};

export type AsnKind = "pns" | "pppk";

/** What a year's JP is measured against: a minimum (PNS) or a maximum (PPPK). */
export type JpRule = { kind: "pns"; duty: number } | { kind: "pppk"; cap: number };
export const jpRule = (kind: AsnKind): JpRule => (kind === "pppk" ? { kind, cap: PPPK_YEARLY_CAP } : { kind, duty: JP_YEARLY_DUTY });

/** A year's standing: "met"/"short" against the PNS duty, "within"/"over" against the PPPK cap. */
export type JpStanding = { state: "met" } | { state: "short"; missing: number } | { state: "within" } | { state: "over"; excess: number };
export function jpStanding(jp: number, rule: JpRule): JpStanding {
  const round = (n: number) => Math.round(n * 100) / 100;
  if (rule.kind === "pns") return jp >= rule.duty ? { state: "met" } : { state: "short", missing: round(rule.duty - jp) };
  return jp > rule.cap ? { state: "over", excess: round(jp - rule.cap) } : { state: "within" };
}

export type JpYear<C> = { year: number; jp: number; rule: JpRule; standing: JpStanding; records: C[] };

/** Whether a certificate still counts as a training record (not revoked, not suspended). */
export function countsForJp(c: Pick<JpCertificate, "expiresAt" | "revokedAt" | "replacedBy">): boolean {
  const status: string = certificateStatus(c);
  return status !== "revoked" && status !== "suspended";
}

/** Years from the newest down, the current year always first even when empty; records oldest first. */
export function jpHistory<C extends JpCertificate>(certs: C[], now = new Date(), kind: AsnKind = "pns"): JpYear<C>[] {
  const rule = jpRule(kind);
  const byYear = new Map<number, C[]>([[jakartaYear(now), []]]);
  for (const c of certs) {
    if (!countsForJp(c)) continue;
    const year = jakartaYear(c.issuedAt);
    byYear.set(year, [...(byYear.get(year) ?? []), c]);
  }
  return [...byYear.entries()]
    .sort(([a], [b]) => b - a)
    .map(([year, records]) => {
      const jp = Math.round(records.reduce((sum, r) => sum + r.jp, 0) * 100) / 100;
      const sorted = [...records].sort((a, b) => a.issuedAt.getTime() - b.issuedAt.getTime());
      return { year, jp, rule, standing: jpStanding(jp, rule), records: sorted };
    });
}
