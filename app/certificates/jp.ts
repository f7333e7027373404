/**
 * The JP history of one person, by calendar year (Asia/Jakarta): every certified course with its
 * JP, against the yearly duty of 20 JP. Pure, shared by /saya/sertifikat and its tests.
 * Revoked certificates do not count (a suspended one neither, once that status exists).
 */
import { certificateStatus, JP_YEARLY_DUTY } from "./rules";
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

export type JpYear<C> = { year: number; jp: number; duty: number; met: boolean; records: C[] };

/** Whether a certificate still counts as a training record (not revoked, not suspended). */
export function countsForJp(c: Pick<JpCertificate, "expiresAt" | "revokedAt" | "replacedBy">): boolean {
  const status: string = certificateStatus(c);
  return status !== "revoked" && status !== "suspended";
}

/** Years from the newest down, the current year always first even when empty; records oldest first. */
export function jpHistory<C extends JpCertificate>(certs: C[], now = new Date()): JpYear<C>[] {
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
      return { year, jp, duty: JP_YEARLY_DUTY, met: jp >= JP_YEARLY_DUTY, records: [...records].sort((a, b) => a.issuedAt.getTime() - b.issuedAt.getTime()) };
    });
}
