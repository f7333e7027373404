import { isMessageKey, parseLang, translator, type Lang, type MessageKey, type StaffDictionary } from "~/i18n";
import { en } from "~/i18n/en";
import { enStaff } from "~/i18n/en.staff";
import { idStaff } from "~/i18n/id.staff";
import type { Role } from "../../db/schema";
import { seesStaffPages } from "./permissions.server";

export const LANG_COOKIE = "sigap_lang";

/** Language from the `sigap_lang` cookie; Indonesian unless English was chosen. */
export function getLang(request: Request): Lang {
  const cookie = request.headers.get("cookie") ?? "";
  const match = cookie.match(/(?:^|;\s*)sigap_lang=(\w+)/);
  return parseLang(match?.[1]);
}

export function getTranslator(request: Request) {
  return serverTranslator(getLang(request));
}

/** Translator with every dictionary, for server-only code (CSV, PDF, server-rendered lessons). */
export function serverTranslator(lang: Lang) {
  return translator(lang, en, staffDictionary(lang));
}

/** Staff-only strings in one language. */
export function staffDictionary(lang: Lang): StaffDictionary {
  return lang === "en" ? enStaff : idStaff;
}

/** The staff-only strings for the root loader: only managers, admins and instructors see those pages. */
export function staffDictionaryFor(lang: Lang, role: Role | null | undefined): StaffDictionary | null {
  return role && seesStaffPages(role) ? staffDictionary(lang) : null;
}

/** `isMessageKey` for server code: knows the staff-only keys too. */
export function isAnyMessageKey(value: unknown): value is MessageKey {
  return isMessageKey(value, idStaff);
}

/** The English dictionary for the root loader, only when the visitor chose English. */
export function dictionaryFor(lang: Lang) {
  return lang === "en" ? en : null;
}

export function langCookie(lang: Lang): string {
  return `${LANG_COOKIE}=${lang}; Path=/; Max-Age=31536000; SameSite=Lax`;
}

/** A translated one-line plain-text answer, for what no page renders (downloads, lesson images). */
export function plainTextAnswer(request: Request, key: MessageKey, init: { status: number; headers?: Record<string, string> }): Response {
  return new Response(`${getTranslator(request)(key)}\n`, {
    status: init.status,
    headers: { "Content-Type": "text/plain; charset=utf-8", ...init.headers },
  });
}
