/**
 * Open Badges 3.0 AchievementCredential for one Sigap certificate (decision 015). Pure: the
 * caller passes the certificate, the issuer and the status positions; signing is in jwt.server.ts.
 *
 * The holder is identified by a salted SHA-256 of their NIP (or Sigap account id when they have
 * none) in `credentialSubject.identifier`, never by a URL or a plain name: the credential can be
 * shared freely and the public status lists and DID document hold nothing personal.
 */
import { keyUrl } from "./did";
import type { StatusPurpose } from "./status-list.server";

export const OB3_CONTEXT = ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"] as const;
export const OB3_SCHEMA_URL = "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json";

export type CredentialInput = {
  certificate: {
    id: string;
    code: string;
    courseTitle: string;
    courseVersion: string;
    courseSlug: string;
    courseSummary: string;
    jp: number;
    agencyName: string;
    issuedAt: Date;
    expiresAt: Date;
    startedAt: Date | null;
  };
  /** sha256 hex of identity + salt, made by `identityHash`. */
  identity: { hash: string; salt: string; type: "nationalIdentityNumber" | "identifier" };
  issuer: { did: string; origin: string; institution: string; signatory: { name: string; nip: string | null; title: string } };
  status: { purpose: StatusPurpose; list: number; index: number }[];
};

export type StatusEntry = {
  id: string;
  type: "BitstringStatusListEntry";
  statusPurpose: StatusPurpose;
  statusListIndex: string;
  statusListCredential: string;
};

export type AchievementCredential = ReturnType<typeof buildAchievementCredential>;

/** URL of a status list credential served by Sigap. */
export function statusListUrl(origin: string, purpose: StatusPurpose, list: number): string {
  return `${origin}/status/${purpose}/${list}`;
}

export function buildAchievementCredential(input: CredentialInput) {
  const { certificate: c, issuer, identity } = input;
  const achievementId = `${issuer.origin}/kursus/${encodeURIComponent(c.courseSlug)}#versi-${encodeURIComponent(c.courseVersion)}`;
  const credentialStatus: StatusEntry[] = input.status.map((s) => ({
    id: `${statusListUrl(issuer.origin, s.purpose, s.list)}#${s.index}`,
    type: "BitstringStatusListEntry",
    statusPurpose: s.purpose,
    statusListIndex: String(s.index),
    statusListCredential: statusListUrl(issuer.origin, s.purpose, s.list),
  }));
  return {
    "@context": [...OB3_CONTEXT],
    id: `urn:uuid:${c.id}`,
    type: ["VerifiableCredential", "OpenBadgeCredential"],
    name: `Sertifikat ${c.courseTitle}`,
    description: `Sertifikat Sigap ${c.code}: ${c.courseTitle} (versi ${c.courseVersion}), ${formatJp(c.jp)}.`,
    issuer: {
      id: issuer.did,
      type: ["Profile"],
      name: issuer.institution,
      url: issuer.origin,
    },
    validFrom: c.issuedAt.toISOString(),
    validUntil: c.expiresAt.toISOString(),
    credentialSubject: {
      type: ["AchievementSubject"],
      identifier: [{ type: "IdentityObject", identityHash: `sha256$${identity.hash}`, identityType: identity.type, hashed: true, salt: identity.salt }],
      ...(c.startedAt ? { activityStartDate: c.startedAt.toISOString() } : {}),
      activityEndDate: c.issuedAt.toISOString(),
      creditsEarned: c.jp,
      licenseNumber: c.code,
      achievement: {
        id: achievementId,
        type: ["Achievement"],
        achievementType: "Course",
        name: c.courseTitle,
        description: c.courseSummary || c.courseTitle,
        criteria: {
          narrative:
            "Menyelesaikan setiap materi yang diterbitkan, lulus setiap latihan balasan pesan dan verifikasi hoaks, " +
            "serta mencapai nilai lulus kuis akhir kursus ini di Sigap.",
        },
        creditsAvailable: c.jp,
        version: c.courseVersion,
        humanCode: c.courseSlug,
        inLanguage: "id",
        tag: [`${formatJp(c.jp)}`, `versi ${c.courseVersion}`],
      },
    },
    credentialStatus,
    credentialSchema: [{ id: OB3_SCHEMA_URL, type: "1EdTechJsonSchemaValidator2019" }],
    // Printed on the PDF; kept here so a verifier sees the same signatory block.
    evidence: [
      {
        type: ["Evidence"],
        name: `Sertifikat ${c.code}`,
        description: `Ditandatangani oleh ${issuer.signatory.name}${issuer.signatory.nip ? ` (NIP ${issuer.signatory.nip})` : ""}, ${issuer.signatory.title}, ${issuer.institution}. Instansi peserta saat terbit: ${c.agencyName}.`,
        id: `${issuer.origin}/sertifikat/${c.code}`,
      },
    ],
  };
}

function formatJp(jp: number): string {
  return `${jp.toLocaleString("id-ID")} JP`;
}

/** The header and registered claims of the VC-JWT (OB 3.0 §8.2: the payload is the credential itself). */
export function jwtClaimsFor(credential: AchievementCredential, keyId: string) {
  return {
    header: { alg: "EdDSA" as const, typ: "JWT", kid: keyUrl(credential.issuer.id, keyId) },
    claims: {
      iss: credential.issuer.id,
      jti: credential.id,
      nbf: Math.floor(Date.parse(credential.validFrom) / 1000),
      exp: Math.floor(Date.parse(credential.validUntil) / 1000),
    },
  };
}
