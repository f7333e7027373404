import { parseLang, translator, type Lang } from "~/i18n";

export const LANG_COOKIE = "sigap_lang";

/** Language from the `sigap_lang` cookie; Indonesian unless English was chosen. */
export function getLang(request: Request): Lang {
  const cookie = request.headers.get("cookie") ?? "";
  const match = cookie.match(/(?:^|;\s*)sigap_lang=(\w+)/);
  return parseLang(match?.[1]);
}

export function getTranslator(request: Request) {
  return translator(getLang(request));
}

export function langCookie(lang: Lang): string {
  return `${LANG_COOKIE}=${lang}; Path=/; Max-Age=31536000; SameSite=Lax`;
}
