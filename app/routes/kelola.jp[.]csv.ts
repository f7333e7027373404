import type { LoaderFunctionArgs } from "@remix-run/node";
import { jpCsvStream, withFirstBatch } from "~/certificates/jp-export.server";
import { jpLedgerRecords } from "~/models/jp-ledger.server";
import { jpFileStem, jpFiltersFrom } from "~/utils/jp-filters.server";
import { handleLoader } from "~/utils/pipeline.server";
import { readDb } from "~/utils/db.server";

/** The JP ledger as CSV, one row per training record, columns named as SIASN names them. */
export async function loader(args: LoaderFunctionArgs) {
  return handleLoader(args, { access: "manage:open", download: true }, async ({ request, scope }) => {
    const db = await readDb(request);
    const filters = jpFiltersFrom(new URL(request.url));
    const batches = jpLedgerRecords(db, scope, filters);
    const first = await batches.next();
    return new Response(jpCsvStream(withFirstBatch(first, batches)), {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${jpFileStem(filters)}.csv"`,
        "Cache-Control": "private, no-store",
      },
    });
  });
}
