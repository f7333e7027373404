import {
  isMessageKey,
  parseLang,
  translator,
  type Lang,
  type MessageKey,
  type PartName,
  type PartStrings,
  type StaffDictionary,
  type StringsHandle,
} from "~/i18n";
import { en } from "~/i18n/en";
import { enAccount } from "~/i18n/en.account";
import { enCredentials } from "~/i18n/en.credentials";
import { enCurriculum } from "~/i18n/en.curriculum";
import { enPractice } from "~/i18n/en.practice";
import { enStaff } from "~/i18n/en.staff";
import { enSurvey } from "~/i18n/en.survey";
import { idAccount } from "~/i18n/id.account";
import { idCredentials } from "~/i18n/id.credentials";
import { idCurriculum } from "~/i18n/id.curriculum";
import { idPractice } from "~/i18n/id.practice";
import { idStaff } from "~/i18n/id.staff";
import { idSurvey } from "~/i18n/id.survey";
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

/** The route-scoped parts (docs/decisions/025) in each language: the server has them all. */
const PARTS: Record<Lang, Record<PartName, Readonly<Record<string, string>>>> = {
  id: { practice: idPractice, credentials: idCredentials, curriculum: idCurriculum, survey: idSurvey, account: idAccount },
  en: { practice: enPractice, credentials: enCredentials, curriculum: enCurriculum, survey: enSurvey, account: enAccount },
};

/** Translator with every dictionary, for server-only code (CSV, PDF, server-rendered lessons). */
export function serverTranslator(lang: Lang) {
  return translator(lang, en, staffDictionary(lang), Object.values(PARTS[lang]));
}

/**
 * For the loader of a route whose `handle` names parts: their English strings when the visitor
 * chose English (the Indonesian ones are in the route's JS), else null. Put it in the loader data
 * as `i18n` — `useT` and `pageTitle` read it there.
 */
export function englishParts(request: Request, handle: StringsHandle): PartStrings | null {
  if (getLang(request) !== "en") return null;
  return Object.fromEntries(Object.keys(handle.strings).map((name) => [name, PARTS.en[name as PartName]]));
}

/** Staff-only strings in one language. */
export function staffDictionary(lang: Lang): StaffDictionary {
  return lang === "en" ? enStaff : idStaff;
}

/** The staff-only strings for the root loader: only managers, admins and instructors see those pages. */
export function staffDictionaryFor(lang: Lang, role: Role | null | undefined): StaffDictionary | null {
  return role && seesStaffPages(role) ? staffDictionary(lang) : null;
}

const NON_BASE_KEYS: Readonly<Record<string, string>> = Object.assign({}, idStaff, ...Object.values(PARTS.id));

/** `isMessageKey` for server code: knows the staff-only keys and the route parts too. */
export function isAnyMessageKey(value: unknown): value is MessageKey {
  return isMessageKey(value, NON_BASE_KEYS);
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
