import type { LoaderFunctionArgs } from "@remix-run/node";
import { evaluationReport } from "~/csv/evaluation-report.server";
import { handleLoader } from "~/utils/pipeline.server";
import { getDb } from "~/utils/db.server";

/** Action plans per learner (or, with `jenis=rerata`, survey means) as an Excel workbook: NIP as text, dates as dates. */
export async function loader(args: LoaderFunctionArgs) {
  return handleLoader(args, { access: "manage:open", download: true }, async ({ request, scope, lang }) =>
    evaluationReport(await getDb(), request, scope, lang, "xlsx"),
  );
}
