import type { Lang } from "~/i18n";

const MONTHS: Record<Lang, string[]> = {
  id: ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"],
  en: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
};
const SHORT_MONTHS: Record<Lang, string[]> = {
  id: ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"],
  en: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
};
// Asia/Jakarta (WIB) is UTC+7 without daylight saving: a fixed offset needs no ICU data.
export const WIB_OFFSET_MS = 7 * 60 * 60 * 1000;

/** The Jakarta calendar date of a moment, "2026-12-03": due dates, report dates, file stamps. */
export function jakartaToday(now: Date = new Date()): string {
  return new Date(now.getTime() + WIB_OFFSET_MS).toISOString().slice(0, 10);
}

/** A date on the Jakarta calendar as the UI shows it everywhere: "3 Des 2026" / "3 Dec 2026". */
export function formatDate(date: Date | string, lang: Lang = "id"): string {
  const wib = new Date(new Date(date).getTime() + WIB_OFFSET_MS);
  return `${wib.getUTCDate()} ${SHORT_MONTHS[lang][wib.getUTCMonth()]} ${wib.getUTCFullYear()}`;
}

/** The month written out, for printed documents (the certificate PDF): "22 November 2026". */
export function formatLongDate(date: Date | string, lang: Lang = "id"): string {
  const wib = new Date(new Date(date).getTime() + WIB_OFFSET_MS);
  return `${wib.getUTCDate()} ${MONTHS[lang][wib.getUTCMonth()]} ${wib.getUTCFullYear()}`;
}

/** The calendar year in Jakarta for a moment. */
export function jakartaYear(date: Date = new Date()): number {
  return new Date(date.getTime() + WIB_OFFSET_MS).getUTCFullYear();
}

/** Clock time in Jakarta, "13.30" (Indonesian) or "13:30" (English). */
export function formatTime(date: Date | string, lang: Lang = "id"): string {
  const wib = new Date(new Date(date).getTime() + WIB_OFFSET_MS);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${pad(wib.getUTCHours())}${lang === "id" ? "." : ":"}${pad(wib.getUTCMinutes())}`;
}

/** A calendar month "2026-12" as people write it: "Des 2026" (Indonesian), "Dec 2026" (English). */
export function formatMonth(yearMonth: string, lang: Lang = "id"): string {
  const m = /^(\d{4})-(\d{2})/.exec(yearMonth);
  if (!m) return yearMonth;
  return `${SHORT_MONTHS[lang][Number(m[2]) - 1] ?? m[2]} ${m[1]}`;
}

/**
 * Date and Jakarta clock time, the one way the UI shows a moment: "3 Des 2026, 15.13"
 * (Indonesian writes the time with a dot) or "3 Dec 2026, 15:13".
 */
export function formatDateTime(date: Date | string, lang: Lang = "id"): string {
  const wib = new Date(new Date(date).getTime() + WIB_OFFSET_MS);
  const sep = lang === "id" ? "." : ":";
  const time = `${String(wib.getUTCHours()).padStart(2, "0")}${sep}${String(wib.getUTCMinutes()).padStart(2, "0")}`;
  return `${wib.getUTCDate()} ${SHORT_MONTHS[lang][wib.getUTCMonth()]} ${wib.getUTCFullYear()}, ${time}`;
}
