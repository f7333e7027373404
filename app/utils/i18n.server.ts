import { parseLang, translator, type Lang, type MessageKey } from "~/i18n";
import { en } from "~/i18n/en";

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

/** Translator with both dictionaries, for server-only code (CSV, server-rendered lessons). */
export function serverTranslator(lang: Lang) {
  return translator(lang, en);
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
