import type { LoaderFunctionArgs } from "@remix-run/node";
import { renderHeadReportPdf } from "~/reports/head-report-pdf.server";
import { headReportView } from "~/reports/head-report.server";
import { formatDate } from "~/utils/dates";
import { serverTranslator } from "~/utils/i18n.server";
import { handleLoader } from "~/utils/pipeline.server";
import { readDb } from "~/utils/db.server";

/** The head-of-agency report as an A4 PDF: agency and date in the header, "Halaman i dari N" in the footer. */
export async function loader(args: LoaderFunctionArgs) {
  return handleLoader(args, { access: "manage:open", download: true }, async ({ request, user, scope, lang }) => {
    const view = await headReportView(await readDb(request), new URL(request.url), user, scope, lang);
    const pdf = await renderHeadReportPdf({ ...view, t: serverTranslator(lang), formatDay: (d) => formatDate(d, lang) });
    return new Response(Buffer.from(pdf), {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": `attachment; filename="laporan-pimpinan-${view.day}.pdf"`,
        "Cache-Control": "private, no-store",
      },
    });
  });
}
