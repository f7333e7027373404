import { useRouteLoaderData } from "@remix-run/react";
import { translator, type Dictionary, type Lang } from "~/i18n";

/** Translator for the language chosen in the root loader; usable in every component. */
export function useT() {
  const data = useRouteLoaderData<{ lang: Lang; english: Dictionary | null }>("root");
  return translator(data?.lang ?? "id", data?.english);
}

export function useLang(): Lang {
  return useRouteLoaderData<{ lang: Lang }>("root")?.lang ?? "id";
}
