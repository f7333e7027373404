import type { LoaderFunctionArgs } from "@remix-run/node";
import { renderCertificatePdf } from "~/certificates/pdf.server";
import { getOwnCertificate } from "~/models/certificate.server";
import { requireUser } from "~/utils/auth.server";
import { withOutage503 } from "~/utils/db-unavailable.server";
import { plainTextAnswer } from "~/utils/i18n.server";

/** The learner's own certificate as an A4 landscape PDF with a QR code to the public check. */
export const loader = withOutage503(async ({ request, params }: LoaderFunctionArgs) => {
  const user = await requireUser(request);
  const cert = await getOwnCertificate(user.id, params.code ?? "");
  if (!cert) throw plainTextAnswer(request, "error.fileNotFound", { status: 404 });
  const origin = process.env.PUBLIC_URL ?? new URL(request.url).origin;
  const pdf = await renderCertificatePdf({
    code: cert.code,
    learnerName: cert.learnerName,
    nip: cert.learnerNip,
    agencyName: cert.agencyName,
    courseTitle: cert.courseTitle,
    courseVersion: cert.courseVersion,
    jp: cert.jp,
    issuedAt: cert.issuedAt,
    expiresAt: cert.expiresAt,
    verifyUrl: `${origin}/sertifikat/${cert.code}`,
  });
  return new Response(Buffer.from(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="sertifikat-${cert.code}.pdf"`,
      "Cache-Control": "private, no-store",
    },
  });
}, { download: true });
