import type { MetaDescriptor } from "@remix-run/node";
import { translator, type MessageKey } from "~/i18n";
import type { RootStrings } from "~/utils/i18n";

/** `<title>` for a page in the visitor's language (read from the root loader's data). */
export function pageTitle(matches: { id: string; data: unknown }[], key: MessageKey | null, literal?: string): MetaDescriptor[] {
  const root = matches.find((m) => m.id === "root")?.data as Partial<RootStrings> | undefined;
  const t = translator(root?.lang ?? "id", root?.english, root?.staff);
  return [{ title: t("meta.title", { page: literal ?? (key ? t(key) : "") }) }];
}
