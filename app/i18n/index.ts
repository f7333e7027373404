import { id, type MessageKey } from "./id";

export type Lang = "id" | "en";
export type { MessageKey };
export const languages: Lang[] = ["id", "en"];

export type Dictionary = Record<MessageKey, string>;

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

/**
 * Returns a translator; `{name}` placeholders are filled from `vars`. Indonesian is built in.
 * English is passed in (`english`) so browsers of Indonesian users never download it: the
 * server imports it directly, the browser gets it from the root loader only when chosen.
 */
export function translator(lang: Lang, english?: Dictionary | null): Translate {
  const dict: Dictionary = lang === "en" && english ? english : id;
  return (key, vars) => {
    const text = dict[key] ?? id[key] ?? key;
    return vars ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m)) : text;
  };
}

export function isMessageKey(value: unknown): value is MessageKey {
  // Own keys only: `in` would also accept "constructor", "__proto__", "toString" from Object.prototype.
  return typeof value === "string" && Object.hasOwn(id, value);
}

export function parseLang(value: string | null | undefined): Lang {
  return value === "en" ? "en" : "id";
}
