import { publicOrigin } from "~/utils/env.server";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { certificatePdf } from "~/certificates/render.server";
import { getOwnCertificate } from "~/models/certificate.server";
import { plainTextAnswer } from "~/utils/i18n.server";
import { handleLoader } from "~/utils/pipeline.server";
import { getDb } from "~/utils/db.server";

/** The learner's own certificate as an A4 landscape PDF with a QR code to the public check. */
export async function loader(args: LoaderFunctionArgs) {
  return handleLoader(args, { access: "user", download: true }, async ({ request, params, user }) => {
    const db = await getDb();
    const cert = await getOwnCertificate(db, user.id, params.code ?? "");
    if (!cert) throw plainTextAnswer(request, "error.fileNotFound", { status: 404 });
    const pdf = await certificatePdf(cert, publicOrigin(request));
    return new Response(Buffer.from(pdf), {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": `attachment; filename="sertifikat-${cert.code}.pdf"`,
        "Cache-Control": "private, no-store",
      },
    });
  });
}
