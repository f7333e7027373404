/**
 * Who issues and signs certificates: set by an admin for the whole deployment or for one agency
 * (its subtree inherits it). Read at issue and frozen in the certificate's issuance row.
 */
import { eq, inArray } from "drizzle-orm";
import { agencies, certificateSignatories, type CertificateSignatory } from "../../db/schema";
import type { Db } from "~/utils/db.server";
import { audit } from "./audit.server";

export const DEFAULT_SCOPE = "default";

export type Signatory = Pick<CertificateSignatory, "institution" | "signatoryName" | "signatoryNip" | "signatoryTitle">;

/** Until an admin sets one: the platform itself, with a placeholder that reads as such. */
export const FALLBACK_SIGNATORY: Signatory = {
  institution: "Sigap — Pelatihan ASN",
  signatoryName: "Pengelola Pelatihan Sigap",
  signatoryNip: null,
  signatoryTitle: "Penanggung Jawab Pelatihan",
};

/** The signatory of the nearest agency (the agency, then its ancestors) with one, else the deployment's. */
export async function resolveSignatory(db: Db, agencyId: string | null): Promise<Signatory> {
  const scopes = [DEFAULT_SCOPE];
  if (agencyId) {
    const [agency] = await db.select({ path: agencies.path }).from(agencies).where(eq(agencies.id, agencyId)).limit(1);
    if (agency) scopes.push(...agency.path.split("/").filter(Boolean));
  }
  const rows = await db.select().from(certificateSignatories).where(inArray(certificateSignatories.scope, scopes));
  for (const scope of [...scopes].reverse()) {
    const row = rows.find((r) => r.scope === scope);
    if (row) return { institution: row.institution, signatoryName: row.signatoryName, signatoryNip: row.signatoryNip, signatoryTitle: row.signatoryTitle };
  }
  return FALLBACK_SIGNATORY;
}

export async function listSignatories(db: Db): Promise<(CertificateSignatory & { agencyName: string | null })[]> {
  const rows = await db
    .select({ s: certificateSignatories, agencyName: agencies.name })
    .from(certificateSignatories)
    .leftJoin(agencies, eq(agencies.id, certificateSignatories.agencyId));
  return rows
    .map((r) => ({ ...r.s, agencyName: r.agencyName }))
    .sort((a, b) => (a.scope === DEFAULT_SCOPE ? -1 : b.scope === DEFAULT_SCOPE ? 1 : (a.agencyName ?? "").localeCompare(b.agencyName ?? "")));
}

/** Sets the deployment's (agencyId null) or one agency's signatory; audit-logged. */
export async function saveSignatory(db: Db, actorId: string, agencyId: string | null, values: Signatory): Promise<void> {
  const scope = agencyId ?? DEFAULT_SCOPE;
  await db.transaction(async (tx) => {
    const set = { ...values, updatedBy: actorId, updatedAt: new Date() };
    await tx
      .insert(certificateSignatories)
      .values({ scope, agencyId, ...set })
      .onConflictDoUpdate({ target: certificateSignatories.scope, set });
    await audit(tx, { actorId, action: "signatory.save", targetType: "certificate_signatory", targetId: scope, details: { ...values } });
  });
}

export async function removeSignatory(db: Db, actorId: string, scope: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const gone = await tx.delete(certificateSignatories).where(eq(certificateSignatories.scope, scope)).returning({ scope: certificateSignatories.scope });
    if (gone.length) await audit(tx, { actorId, action: "signatory.remove", targetType: "certificate_signatory", targetId: scope });
    return gone.length > 0;
  });
}
