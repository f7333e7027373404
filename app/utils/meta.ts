import type { MetaDescriptor } from "@remix-run/node";
import { translator, type Dictionary, type Lang, type MessageKey } from "~/i18n";

/** `<title>` for a page in the visitor's language (read from the root loader's data). */
export function pageTitle(matches: { id: string; data: unknown }[], key: MessageKey | null, literal?: string): MetaDescriptor[] {
  const root = matches.find((m) => m.id === "root")?.data as { lang?: Lang; english?: Dictionary | null } | undefined;
  const t = translator(root?.lang ?? "id", root?.english);
  return [{ title: t("meta.title", { page: literal ?? (key ? t(key) : "") }) }];
}
