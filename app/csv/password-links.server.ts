import type { Lang } from "~/i18n";
import { getImportBatch, issuePasswordLinks } from "~/models/staff-import.server";
import type { SessionUser } from "~/utils/auth.server";
import type { Db } from "~/utils/db.server";
import { formatDate } from "~/utils/dates";
import { publicOrigin } from "~/utils/env.server";
import { plainTextAnswer, serverTranslator } from "~/utils/i18n.server";
import { tableDownload, type ExportFormat } from "./export.server";

/**
 * One-time set-password links for a batch's accounts (no e-mail server: the manager hands them
 * out). A link is issued once per account; a later download lists the account's state instead,
 * and a lost link is re-issued from the account's page (audited).
 */
export async function passwordLinksDownload(db: Db, request: Request, batchId: string, user: SessionUser, lang: Lang, format: ExportFormat): Promise<Response> {
  const batch = await getImportBatch(db, user, batchId);
  if (!batch) throw plainTextAnswer(request, "error.fileNotFound", { status: 404 });
  const links = await issuePasswordLinks(
    db,
    batch.accounts.map((a) => a.id),
    user.id,
  );
  const origin = publicOrigin(request);
  const t = serverTranslator(lang);
  const rows = batch.accounts.map((a) => {
    const link = links.get(a.id);
    if (link && "token" in link) return [a.name, a.email, `${origin}/atur-sandi/${link.token}`, t("import.linkNew")];
    if (link?.state === "issued") return [a.name, a.email, "", t("import.linkIssued", { date: formatDate(link.expiresAt!, lang) })];
    return [a.name, a.email, "", t("import.linkPasswordSet")];
  });
  return tableDownload({
    format,
    lang,
    filename: `tautan-sandi-${batch.id.slice(0, 8)}`,
    sheetName: "Tautan",
    columns: [
      { header: "nama", type: "text", width: 30 },
      { header: "email", type: "text", width: 32 },
      { header: "tautan_atur_sandi", type: "text", width: 70 },
      { header: "keterangan", type: "text", width: 60 },
    ],
    rows,
    cacheControl: "no-store",
  });
}
