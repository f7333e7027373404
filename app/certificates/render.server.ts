import type { Certificate } from "../../db/schema";
import { ensureIssuance } from "~/models/credential.server";
import { getDb } from "~/utils/db.server";
import { renderCertificatePdf } from "./pdf.server";

/** A certificate's PDF with the issuer and signatory fixed at issue (the holder's download and the ZIP). */
export async function certificatePdf(cert: Certificate, origin: string): Promise<Uint8Array> {
  const issuance = await ensureIssuance(await getDb(), cert);
  return renderCertificatePdf({
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
    issuer: {
      institution: issuance.institution ?? "Sigap",
      signatoryName: issuance.signatoryName ?? "",
      signatoryNip: issuance.signatoryNip,
      signatoryTitle: issuance.signatoryTitle ?? "",
    },
  });
}
