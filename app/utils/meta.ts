import type { MetaDescriptor } from "@remix-run/node";
import { routeParts, translator, type MessageKey } from "~/i18n";
import type { RootStrings } from "~/utils/i18n";

/** `<title>` for a page in the visitor's language (the root loader's data and the matched routes' parts). */
export function pageTitle(matches: { id: string; data: unknown; handle?: unknown }[], key: MessageKey | null, literal?: string): MetaDescriptor[] {
  const root = matches.find((m) => m.id === "root")?.data as Partial<RootStrings> | undefined;
  const t = translator(root?.lang ?? "id", root?.english, root?.staff, routeParts(matches));
  return [{ title: t("meta.title", { page: literal ?? (key ? t(key) : "") }) }];
}
