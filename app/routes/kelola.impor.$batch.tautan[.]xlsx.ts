import type { LoaderFunctionArgs } from "@remix-run/node";
import { passwordLinksDownload } from "~/csv/password-links.server";
import { handleLoader } from "~/utils/pipeline.server";
import { getDb } from "~/utils/db.server";

/** The batch's one-time set-password links as an Excel workbook. */
export async function loader(args: LoaderFunctionArgs) {
  return handleLoader(args, { access: "staff:import", download: true }, async ({ request, params, user, lang }) =>
    passwordLinksDownload(await getDb(), request, params.batch ?? "", user, lang, "xlsx"),
  );
}
