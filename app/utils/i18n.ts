import { useMatches, useRouteLoaderData } from "@remix-run/react";
import { isMessageKey, routeParts, translator, type Dictionary, type Lang, type StaffDictionary } from "~/i18n";

/** What the root loader sends for translation (see app/root.tsx). */
export type RootStrings = { lang: Lang; english: Dictionary | null; staff: StaffDictionary | null };

/**
 * Translator for the language chosen in the root loader; usable in every component. It knows the
 * base and (for staff) staff strings from the root, and the parts the matched routes' `handle`s
 * name (docs/decisions/025).
 */
export function useT() {
  const data = useRouteLoaderData<RootStrings>("root");
  const matches = useMatches();
  return translator(data?.lang ?? "id", data?.english, data?.staff, routeParts(matches));
}

/** `isMessageKey` that also knows the staff-only keys when the root loader sent them. */
export function useIsMessageKey() {
  const staff = useRouteLoaderData<RootStrings>("root")?.staff;
  return (value: unknown) => isMessageKey(value, staff);
}

export function useLang(): Lang {
  return useRouteLoaderData<{ lang: Lang }>("root")?.lang ?? "id";
}
