import type { LoaderFunctionArgs } from "@remix-run/node";
import { toCsv } from "~/csv/write";
import { getImportBatch, issuePasswordLinks } from "~/models/staff-import.server";
import { formatDate } from "~/utils/dates";
import { publicOrigin } from "~/utils/env.server";
import { plainTextAnswer, serverTranslator } from "~/utils/i18n.server";
import { handleLoader } from "~/utils/pipeline.server";

/**
 * One-time set-password links for a batch's accounts (no e-mail server: the manager hands them
 * out). A link is issued once per account; a later download lists the account's state instead,
 * and a lost link is re-issued from the account's page (audited).
 */
export async function loader(args: LoaderFunctionArgs) {
  return handleLoader(args, { access: "staff:import", download: true }, async ({ request, params, user, lang }) => {
    const batch = await getImportBatch(user, params.batch ?? "");
    if (!batch) throw plainTextAnswer(request, "error.fileNotFound", { status: 404 });
    const links = await issuePasswordLinks(null, batch.accounts.map((a) => a.id), user.id);
    const origin = publicOrigin(request);
    const t = serverTranslator(lang);
    const csv = toCsv(
      ["nama", "email", "tautan_atur_sandi", "keterangan"],
      batch.accounts.map((a) => {
        const link = links.get(a.id);
        if (link && "token" in link) return [a.name, a.email, `${origin}/atur-sandi/${link.token}`, t("import.linkNew")];
        if (link?.state === "issued") return [a.name, a.email, "", t("import.linkIssued", { date: formatDate(link.expiresAt!, lang) })];
        return [a.name, a.email, "", t("import.linkPasswordSet")];
      }),
    );
    return new Response(csv, {
      headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="tautan-sandi-${batch.id.slice(0, 8)}.csv"`, "Cache-Control": "no-store" },
    });
  });
}
