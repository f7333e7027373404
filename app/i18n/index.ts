import { id, type BaseKey } from "./id";
// Type only: the staff dictionary itself never enters the browser bundle (docs/decisions/010).
import type { StaffKey } from "./id.staff";

export type Lang = "id" | "en";
export type { BaseKey, StaffKey };
/** Every key of every dictionary part: what `t()` accepts everywhere. */
export type MessageKey = BaseKey | StaffKey;
export const languages: Lang[] = ["id", "en"];

/** The English strings of the base dictionary (id.ts). */
export type Dictionary = Record<BaseKey, string>;
/** Staff-only strings (id.staff.ts / en.staff.ts) in one language. */
export type StaffDictionary = Record<StaffKey, string>;

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

/**
 * Returns a translator; `{name}` placeholders are filled from `vars`. Indonesian is built in.
 * English and the staff-only strings are passed in so browsers never download what they don't
 * show: the server imports them directly, the browser gets them from the root loader —
 * `english` only when chosen, `staff` (in the chosen language) only for managers, admins and
 * instructors.
 */
export function translator(lang: Lang, english?: Dictionary | null, staff?: StaffDictionary | null): Translate {
  const base: Record<string, string> = lang === "en" && english ? english : id;
  const extra: Record<string, string> = staff ?? {};
  const fallback: Record<string, string> = id;
  return (key, vars) => {
    const text = base[key] ?? extra[key] ?? fallback[key] ?? key;
    return vars ? fill(text, vars) : text;
  };
}

// "{count, plural, one {# row} other {# rows}}": English needs it, Indonesian never does ("1 baris").
const PLURAL = /\{(\w+), plural, one \{([^{}]*)\} other \{([^{}]*)\}\}/g;

/** Fills `{name}` placeholders and the plural form above (`#` = the number). */
export function fill(text: string, vars: Record<string, string | number>): string {
  return text
    .replace(PLURAL, (m, name: string, one: string, other: string) => {
      if (!(name in vars)) return m;
      const n = Number(vars[name]);
      return (n === 1 ? one : other).replaceAll("#", String(vars[name]));
    })
    .replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

/**
 * Whether `value` is a dictionary key. Base keys are always known; staff keys only when the staff
 * strings are passed (browser: from the root loader via `useIsMessageKey`; server:
 * `isAnyMessageKey` in ~/utils/i18n.server).
 */
export function isMessageKey(value: unknown, staff?: StaffDictionary | null): value is MessageKey {
  // Own keys only: `in` would also accept "constructor", "__proto__", "toString" from Object.prototype.
  return typeof value === "string" && (Object.hasOwn(id, value) || (staff != null && Object.hasOwn(staff, value)));
}

export function parseLang(value: string | null | undefined): Lang {
  return value === "en" ? "en" : "id";
}
