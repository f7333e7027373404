import { en } from "./en";
import { id, type MessageKey } from "./id";

export type Lang = "id" | "en";
export type { MessageKey };
export const languages: Lang[] = ["id", "en"];

const dictionaries: Record<Lang, Record<MessageKey, string>> = { id, en };

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

/** Returns a translator for one language; `{name}` placeholders are filled from `vars`. */
export function translator(lang: Lang): Translate {
  const dict = dictionaries[lang] ?? id;
  return (key, vars) => {
    const text = dict[key] ?? id[key] ?? key;
    return vars ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m)) : text;
  };
}

export function isMessageKey(value: unknown): value is MessageKey {
  return typeof value === "string" && value in id;
}

export function parseLang(value: string | null | undefined): Lang {
  return value === "en" ? "en" : "id";
}
