/**
 * Pure parts of the head-of-agency report (/kelola/laporan-pimpinan): which day it is for, and
 * the print stylesheet's running header and page numbers, written as CSS strings.
 */

/** How far from today the report's day may lie (a year either way). */
const MAX_DAYS = 366;
const DAY = 86_400_000;

/**
 * The `tanggal` parameter as a calendar day "YYYY-MM-DD", or null for today (also for anything
 * that is not a real date or lies more than a year from `today`).
 */
export function parseReportDate(param: string | null | undefined, today: string): string | null {
  if (!param || !/^\d{4}-\d{2}-\d{2}$/.test(param)) return null;
  const at = Date.parse(`${param}T00:00:00Z`);
  if (Number.isNaN(at) || new Date(at).toISOString().slice(0, 10) !== param) return null;
  if (Math.abs(at - Date.parse(`${today}T00:00:00Z`)) > MAX_DAYS * DAY) return null;
  return param === today ? null : param;
}

/**
 * A CSS string literal holding `value` as text: quotes and backslashes escaped, and `<` written
 * as an escape so an agency name cannot close the <style> element it is printed in.
 */
export function cssString(value: string): string {
  return `"${value.replace(/[\\"<>\n\r]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `)}"`;
}

/**
 * The `content` of a page-number margin box from a sentence with {page} and {pages}
 * ("Halaman {page} dari {pages}" → "Halaman " counter(page) " dari " counter(pages)).
 */
export function pageCounterContent(template: string): string {
  return template
    .split(/(\{page\}|\{pages\})/)
    .filter(Boolean)
    .map((part) => (part === "{page}" ? "counter(page)" : part === "{pages}" ? "counter(pages)" : cssString(part)))
    .join(" ");
}

/**
 * The print stylesheet's named page: agency name top left, date top right, page numbers at the
 * bottom on every printed page (Chromium draws @page margin boxes since version 131).
 */
export function printPageCss(header: { left: string; right: string }, pageTemplate: string): string {
  return [
    "@page head-report {",
    "  size: A4;",
    "  margin: 18mm 14mm 16mm;",
    `  @top-left { content: ${cssString(header.left)}; font-size: 9pt; color: #4a5565; }`,
    `  @top-right { content: ${cssString(header.right)}; font-size: 9pt; color: #4a5565; }`,
    `  @bottom-center { content: ${pageCounterContent(pageTemplate)}; font-size: 9pt; color: #4a5565; }`,
    "}",
  ].join("\n");
}
