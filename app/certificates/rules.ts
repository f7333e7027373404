import { jakartaYear } from "~/utils/dates";
/**
 * Certificate rules, pure: expiry, status, the "expires soon" warning and the yearly JP duty.
 * (Issuance itself happens in app/models/certificate.server.ts, in the completing transaction.)
 */
/** PNS: at least 20 JP of competency development a year (PP 11/2017 Pasal 203 ayat 4). */
export const JP_YEARLY_DUTY = 20;
/** PPPK: at most 24 JP per year of the work contract (PP 49/2018 Pasal 39 ayat 3). */
export const PPPK_YEARLY_CAP = 24;
export const EXPIRY_WARNING_DAYS = 90;
const DAY = 24 * 60 * 60 * 1000;

/** Issue date plus `months`, clamped to the last day of a shorter month (31 Jan + 1 month = 28/29 Feb). */
export function expiryDate(issuedAt: Date, months: number): Date {
  const d = new Date(issuedAt);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d;
}

export type CertificateState = { expiresAt: Date; revokedAt: Date | null; replacedBy: string | null; suspendedAt?: Date | null };
export type CertificateStatus = "valid" | "expired" | "revoked" | "replaced" | "suspended";

/** Why a certificate was suspended (stored as the code; pages translate it). */
export const suspensionReasons = ["regrade", "override", "quiz", "progress"] as const;
export type SuspensionReason = (typeof suspensionReasons)[number];
export const isSuspensionReason = (v: unknown): v is SuspensionReason => suspensionReasons.includes(v as SuspensionReason);

/** The public part of a suspension: why, and which lesson's grade — nothing about the person. */
export function suspensionOf(c: {
  suspendedAt: Date | null;
  suspendedReason: string | null;
  suspendedLesson: string | null;
}): { reason: SuspensionReason; lesson: string } | null {
  if (!c.suspendedAt) return null;
  return { reason: isSuspensionReason(c.suspendedReason) ? c.suspendedReason : "progress", lesson: c.suspendedLesson ?? "" };
}

export function certificateStatus(c: CertificateState, now = new Date()): CertificateStatus {
  if (c.revokedAt) return "revoked";
  if (c.replacedBy) return "replaced";
  if (c.suspendedAt) return "suspended";
  return c.expiresAt.getTime() <= now.getTime() ? "expired" : "valid";
}

/** Whole days until expiry (0 on the last day), or null once expired. */
export function daysUntilExpiry(c: Pick<CertificateState, "expiresAt">, now = new Date()): number | null {
  const ms = c.expiresAt.getTime() - now.getTime();
  return ms <= 0 ? null : Math.floor(ms / DAY);
}

/** The learner is warned from 90 days before expiry. */
export function expiresSoon(c: CertificateState, now = new Date()): boolean {
  const days = daysUntilExpiry(c, now);
  return certificateStatus(c, now) === "valid" && days !== null && days <= EXPIRY_WARNING_DAYS;
}

/**
 * Recertifying resets the course, so it is offered only when it is due: from 90 days before
 * expiry, once expired, or while suspended — and not twice.
 */
export function canRecertify(c: CertificateState & { renewalStartedAt: Date | null }, now = new Date()): boolean {
  if (c.renewalStartedAt) return false;
  const status = certificateStatus(c, now);
  return status === "expired" || status === "suspended" || expiresSoon(c, now);
}

/** JP earned in a calendar year (Asia/Jakarta) from certificates that are not revoked or suspended. */
export function jpInYear(certs: { jp: number; issuedAt: Date; revokedAt: Date | null; suspendedAt?: Date | null }[], year: number): number {
  return certs.filter((c) => !c.revokedAt && !c.suspendedAt && jakartaYear(c.issuedAt) === year).reduce((sum, c) => sum + c.jp, 0);
}

/** Every published lesson of the course complete (quiz/DM/hoax completion already encodes pass marks). */
export function courseComplete(lessonCount: number, completedCount: number): boolean {
  return lessonCount > 0 && completedCount >= lessonCount;
}
