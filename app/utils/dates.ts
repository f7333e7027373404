import type { Lang } from "~/i18n";

const MONTHS: Record<Lang, string[]> = {
  id: ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"],
  en: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
};
// Asia/Jakarta (WIB) is UTC+7 without daylight saving: a fixed offset needs no ICU data.
const WIB_OFFSET_MS = 7 * 60 * 60 * 1000;

/** Long date in Jakarta time, "22 November 2026" (same wording as the certificate PDF). */
export function formatDate(date: Date | string, lang: Lang = "id"): string {
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
