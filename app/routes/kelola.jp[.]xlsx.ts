import type { LoaderFunctionArgs } from "@remix-run/node";
import { jpXlsxStream, withFirstBatch } from "~/certificates/jp-export.server";
import { jpLedgerRecords } from "~/models/jp-ledger.server";
import { jpFileStem, jpFiltersFrom } from "~/utils/jp-filters.server";
import { handleLoader } from "~/utils/pipeline.server";
import { readDb } from "~/utils/db.server";

/** The JP ledger as an Excel workbook: the CSV's rows with text NIPs, real dates and a frozen, filterable header. */
export async function loader(args: LoaderFunctionArgs) {
  return handleLoader(args, { access: "manage:open", download: true }, async ({ request, scope }) => {
    const db = await readDb(request);
    const filters = jpFiltersFrom(new URL(request.url));
    const batches = jpLedgerRecords(db, scope, filters);
    const first = await batches.next();
    return new Response(jpXlsxStream(withFirstBatch(first, batches)), {
      headers: {
        "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "Content-Disposition": `attachment; filename="${jpFileStem(filters)}.xlsx"`,
        "Cache-Control": "private, no-store",
      },
    });
  });
}
