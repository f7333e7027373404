import type { LoaderFunctionArgs } from "@remix-run/node";
import { certificateZipStream, withFirstBatch } from "~/certificates/jp-export.server";
import { certificatePdf } from "~/certificates/render.server";
import { jpLedgerRecords } from "~/models/jp-ledger.server";
import { publicOrigin } from "~/utils/env.server";
import { jpFileStem, jpFiltersFrom } from "~/utils/jp-filters.server";
import { handleLoader } from "~/utils/pipeline.server";
import { readDb } from "~/utils/db.server";

/** The certificate PDFs behind the ledger's rows, `<certificate number>.pdf`, streamed as one ZIP (for SIASN uploads). */
export async function loader(args: LoaderFunctionArgs) {
  return handleLoader(args, { access: "manage:open", download: true }, async ({ request, scope }) => {
    const db = await readDb(request);
    const filters = jpFiltersFrom(new URL(request.url));
    const origin = publicOrigin(request);
    const batches = jpLedgerRecords(db, scope, filters, 200);
    const first = await batches.next();
    return new Response(
      certificateZipStream(withFirstBatch(first, batches), (record) => certificatePdf(record.certificate, origin)),
      {
        headers: {
          "Content-Type": "application/zip",
          "Content-Disposition": `attachment; filename="${jpFileStem(filters)}-sertifikat.zip"`,
          "Cache-Control": "private, no-store",
        },
      },
    );
  });
}
