import { id, type BaseKey } from "./id";
// Types only: the staff dictionary never enters the browser bundle (docs/decisions/010), and each
// route part only enters the bundle of the routes whose `handle` names it (docs/decisions/025).
import type { AccountKey } from "./id.account";
import type { CredentialsKey } from "./id.credentials";
import type { CurriculumKey } from "./id.curriculum";
import type { PracticeKey } from "./id.practice";
import type { StaffKey } from "./id.staff";
import type { SurveyKey } from "./id.survey";

export type Lang = "id" | "en";
export type { BaseKey, StaffKey };
/** Keys of the route-scoped parts (id.practice.ts, id.credentials.ts, …; docs/decisions/025). */
export type PartKey = PracticeKey | CredentialsKey | CurriculumKey | SurveyKey | AccountKey;
/** Every key of every dictionary part: what `t()` accepts everywhere. */
export type MessageKey = BaseKey | StaffKey | PartKey;
/** The route-scoped parts, by the name a route's `handle` and the server use for them. */
export type PartName = "practice" | "credentials" | "curriculum" | "survey" | "account";
/** Strings of one or more parts, keyed by part name, in one language. */
export type PartStrings = Partial<Record<PartName, Readonly<Record<string, string>>>>;
export const languages: Lang[] = ["id", "en"];

/** The English strings of the base dictionary (id.ts). */
export type Dictionary = Record<BaseKey, string>;
/** Staff-only strings (id.staff.ts / en.staff.ts) in one language. */
export type StaffDictionary = Record<StaffKey, string>;

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

/**
 * Returns a translator; `{name}` placeholders are filled from `vars`. Indonesian is built in.
 * English, the staff-only strings and the route parts are passed in so browsers never download
 * what they don't show: the server imports them directly, the browser gets them from the root
 * loader — `english` only when chosen, `staff` (in the chosen language) only for managers, admins
 * and instructors — and `parts` from the matched routes (`useT`, docs/decisions/025): each in the
 * chosen language when the route's loader sent it, else its Indonesian.
 */
export function translator(
  lang: Lang,
  english?: Dictionary | null,
  staff?: StaffDictionary | null,
  parts: readonly Readonly<Record<string, string>>[] = [],
): Translate {
  const base: Record<string, string> = lang === "en" && english ? english : id;
  const extra: Record<string, string> = staff ?? {};
  const fallback: Record<string, string> = id;
  const inParts = (key: string) => {
    for (const part of parts) if (Object.hasOwn(part, key)) return part[key];
    return undefined;
  };
  return (key, vars) => {
    const text = base[key] ?? extra[key] ?? inParts(key) ?? fallback[key] ?? key;
    return vars ? fill(text, vars) : text;
  };
}

/** A route module's `handle` naming the parts its page uses, in Indonesian (bundled with the route). */
export type StringsHandle = { strings: PartStrings };

/**
 * The part dictionaries of the matched routes, in the page's language: for each part a route's
 * `handle` names, the English its loader sent (`i18n`, see `englishParts` in ~/utils/i18n.server),
 * else the Indonesian of the handle (a loader that threw sends nothing: its error boundary then
 * shows the part in Indonesian).
 */
export function routeParts(matches: readonly { handle?: unknown; data?: unknown }[]): Readonly<Record<string, string>>[] {
  const found: Readonly<Record<string, string>>[] = [];
  for (const match of matches) {
    const strings = (match.handle as Partial<StringsHandle> | undefined)?.strings;
    if (!strings) continue;
    const english = (match.data as { i18n?: PartStrings | null } | null | undefined)?.i18n;
    for (const [name, indonesian] of Object.entries(strings) as [PartName, Record<string, string>][]) found.push(english?.[name] ?? indonesian);
  }
  return found;
}

// "{count, plural, one {# row} other {# rows}}": English needs it, Indonesian never does ("1 baris").
const PLURAL = /\{(\w+), plural, one \{([^{}]*)\} other \{([^{}]*)\}\}/g;

/** Fills `{name}` placeholders and the plural form above (`#` = the number). */
export function fill(text: string, vars: Record<string, string | number>): string {
  const counted = text.includes(", plural, ")
    ? text.replace(PLURAL, (m, name: string, one: string, other: string) => {
        if (!(name in vars)) return m;
        const n = Number(vars[name]);
        return (n === 1 ? one : other).replaceAll("#", String(vars[name]));
      })
    : text;
  // A chosen plural form holds the number: not one of the few texts worth keeping split.
  if (counted !== text) return counted.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
  const parts = templateParts(text);
  let out = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i]!;
    out += (name in vars ? String(vars[name]) : `{${name}}`) + parts[i + 1]!;
  }
  return out;
}

/**
 * A text split at its `{name}` placeholders (literal, name, literal, …), kept per text: a table's
 * cells fill the same few strings thousands of times a page. The texts are the dictionaries', a
 * bounded set; the cap only guards against surprises.
 */
const templates = new Map<string, string[]>();
function templateParts(text: string): string[] {
  let parts = templates.get(text);
  if (!parts) {
    parts = text.split(/\{(\w+)\}/);
    if (templates.size >= 5000) templates.clear();
    templates.set(text, parts);
  }
  return parts;
}

/**
 * Whether `value` is a dictionary key. Base keys are always known; others only when their strings
 * are passed (browser: the staff part from the root loader via `useIsMessageKey`; server:
 * `isAnyMessageKey` in ~/utils/i18n.server, which knows every part).
 */
export function isMessageKey(value: unknown, staff?: Readonly<Record<string, string>> | null): value is MessageKey {
  // Own keys only: `in` would also accept "constructor", "__proto__", "toString" from Object.prototype.
  return typeof value === "string" && (Object.hasOwn(id, value) || (staff != null && Object.hasOwn(staff, value)));
}

export function parseLang(value: string | null | undefined): Lang {
  return value === "en" ? "en" : "id";
}
