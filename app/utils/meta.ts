import type { MetaDescriptor } from "@remix-run/node";
import { translator, type Lang, type MessageKey } from "~/i18n";

/** `<title>` for a page in the visitor's language (read from the root loader's data). */
export function pageTitle(matches: { id: string; data: unknown }[], key: MessageKey | null, literal?: string): MetaDescriptor[] {
  const lang = (matches.find((m) => m.id === "root")?.data as { lang?: Lang } | undefined)?.lang ?? "id";
  const t = translator(lang);
  return [{ title: t("meta.title", { page: literal ?? (key ? t(key) : "") }) }];
}
