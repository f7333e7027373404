import type { LoaderFunctionArgs } from "@remix-run/node";
import { learnerReport } from "~/csv/learner-report.server";
import { handleLoader } from "~/utils/pipeline.server";
import { readDb } from "~/utils/db.server";

/** The learner table as CSV (`;` for Indonesian, `,` for English Excel); the .xlsx twin is laporan.xlsx. */
export async function loader(args: LoaderFunctionArgs) {
  return handleLoader(args, { access: "manage:open", download: true }, async ({ request, user, lang }) =>
    learnerReport(await readDb(request), request, user, lang, "csv"),
  );
}
