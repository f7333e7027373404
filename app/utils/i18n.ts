import { useRouteLoaderData } from "@remix-run/react";
import { isMessageKey, translator, type Dictionary, type Lang, type StaffDictionary } from "~/i18n";

/** What the root loader sends for translation (see app/root.tsx). */
export type RootStrings = { lang: Lang; english: Dictionary | null; staff: StaffDictionary | null };

/** Translator for the language chosen in the root loader; usable in every component. */
export function useT() {
  const data = useRouteLoaderData<RootStrings>("root");
  return translator(data?.lang ?? "id", data?.english, data?.staff);
}

/** `isMessageKey` that also knows the staff-only keys when the root loader sent them. */
export function useIsMessageKey() {
  const staff = useRouteLoaderData<RootStrings>("root")?.staff;
  return (value: unknown) => isMessageKey(value, staff);
}

export function useLang(): Lang {
  return useRouteLoaderData<{ lang: Lang }>("root")?.lang ?? "id";
}
