import { publicOrigin } from "~/utils/env.server";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { toCsv } from "~/csv/write";
import { getImportBatch, issuePasswordLinks } from "~/models/staff-import.server";
import { plainTextAnswer } from "~/utils/i18n.server";
import { handleLoader } from "~/utils/pipeline.server";

/** Fresh one-time set-password links for a batch's accounts (no e-mail server: the manager hands them out). */
export async function loader(args: LoaderFunctionArgs) {
  return handleLoader(args, { access: "manage:open", download: true }, async ({ request, params, user }) => {
  const batch = await getImportBatch(user, params.batch ?? "");
  if (!batch) throw plainTextAnswer(request, "error.fileNotFound", { status: 404 });
  const tokens = await issuePasswordLinks(null, batch.accounts.map((a) => a.id));
  const origin = publicOrigin(request);
  const csv = toCsv(
    ["nama", "email", "tautan_atur_sandi"],
    batch.accounts.map((a) => [a.name, a.email, `${origin}/atur-sandi/${tokens.get(a.id)}`]),
  );
  return new Response(csv, {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="tautan-sandi-${batch.id.slice(0, 8)}.csv"`, "Cache-Control": "no-store" },
  });
});
};
