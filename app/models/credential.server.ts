/**
 * Open Badges credentials of certificates (decision 015): the deployment's signing keys, the
 * per-certificate issuance row (status position, identity salt, signatory as printed), the
 * status lists, signing a holder's credential and verifying a pasted one.
 */
import { createHash, randomBytes } from "node:crypto";
import { and, asc, between, desc, eq } from "drizzle-orm";
import {
  certificateIssuance,
  certificates,
  courses,
  enrollments,
  issuerKeys,
  users,
  type Certificate,
  type CertificateIssuance,
  type IssuerKey,
} from "../../db/schema";
import { certificateStatus } from "~/certificates/rules";
import { didDocument, didWebFor, keyUrl } from "~/credentials/did";
import { decodeUnverified, newKeyPair, signatureValid, signJwt } from "~/credentials/jwt.server";
import { buildAchievementCredential, jwtClaimsFor, statusListUrl, type AchievementCredential } from "~/credentials/ob3";
import { encodeStatusList, STATUS_LIST_BITS, STATUS_PURPOSES, statusBit, statusPosition, type StatusPurpose } from "~/credentials/status-list.server";
import type { Db } from "~/utils/db.server";
import { audit } from "./audit.server";
import { resolveSignatory } from "./signatory.server";

// ---------------------------------------------------------------- keys

function newKeyId(): string {
  const day = new Date().toISOString().slice(0, 10).replaceAll("-", "");
  return `kunci-${day}-${randomBytes(3).toString("hex")}`;
}

/** The current signing key; generated (once, whoever asks first) when there is none. */
export async function currentIssuerKey(db: Db): Promise<IssuerKey> {
  const [current] = await db.select().from(issuerKeys).where(eq(issuerKeys.current, true)).limit(1);
  if (current) return current;
  const pair = await newKeyPair();
  // Two first requests racing: the partial unique index keeps one, the other reads it.
  await db
    .insert(issuerKeys)
    .values({ id: newKeyId(), algorithm: "EdDSA", ...pair })
    .onConflictDoNothing();
  const [made] = await db.select().from(issuerKeys).where(eq(issuerKeys.current, true)).limit(1);
  return made!;
}

/** Every key, newest first, public half only (the DID document and the admin page). */
export async function publishedKeys(db: Db): Promise<Pick<IssuerKey, "id" | "publicJwk" | "current" | "createdAt" | "retiredAt">[]> {
  return db
    .select({
      id: issuerKeys.id,
      publicJwk: issuerKeys.publicJwk,
      current: issuerKeys.current,
      createdAt: issuerKeys.createdAt,
      retiredAt: issuerKeys.retiredAt,
    })
    .from(issuerKeys)
    .orderBy(desc(issuerKeys.createdAt));
}

/** A new current key; the old one is retired but stays published so what it signed still verifies. */
export async function rotateIssuerKey(db: Db, actorId: string): Promise<string> {
  const pair = await newKeyPair();
  const id = newKeyId();
  await db.transaction(async (tx) => {
    await tx.update(issuerKeys).set({ current: false, retiredAt: new Date() }).where(eq(issuerKeys.current, true));
    await tx.insert(issuerKeys).values({ id, algorithm: "EdDSA", ...pair, createdBy: actorId });
    await audit(tx, { actorId, action: "issuer-key.rotate", targetType: "issuer_key", targetId: id });
  });
  return id;
}

export async function didDocumentFor(db: Db, origin: string) {
  await currentIssuerKey(db);
  const keys = await publishedKeys(db);
  return didDocument(
    didWebFor(origin),
    keys.map((k) => ({ id: k.id, publicJwk: k.publicJwk })),
  );
}

// ---------------------------------------------------------------- issuance rows

/**
 * The certificate's issuance row, made on first need: at issue (inside the issuing transaction)
 * or, for certificates issued before credentials existed, on first download or status read.
 */
export async function ensureIssuance(tx: Db, cert: Pick<Certificate, "id" | "agencyId">): Promise<CertificateIssuance> {
  const [existing] = await tx.select().from(certificateIssuance).where(eq(certificateIssuance.certificateId, cert.id)).limit(1);
  if (existing) return existing;
  const signatory = await resolveSignatory(tx, cert.agencyId);
  await tx
    .insert(certificateIssuance)
    .values({
      certificateId: cert.id,
      subjectSalt: randomBytes(16).toString("hex"),
      institution: signatory.institution,
      signatoryName: signatory.signatoryName,
      signatoryNip: signatory.signatoryNip,
      signatoryTitle: signatory.signatoryTitle,
    })
    .onConflictDoNothing({ target: certificateIssuance.certificateId });
  const [row] = await tx.select().from(certificateIssuance).where(eq(certificateIssuance.certificateId, cert.id)).limit(1);
  return row!;
}

/** sha256 hex of identity followed by salt (the OB 3.0 IdentityHash rule). */
export function identityHash(identity: string, salt: string): string {
  return createHash("sha256")
    .update(identity + salt, "utf8")
    .digest("hex");
}

// ---------------------------------------------------------------- holder's credential

export type SignedCredential = { jwt: string; credential: AchievementCredential & Record<string, unknown> };

/** The holder's own certificate as a signed OB 3.0 credential; null when it is not theirs. */
export async function holderCredential(db: Db, userId: string, code: string, origin: string): Promise<SignedCredential | null> {
  const [row] = await db
    .select({ cert: certificates, slug: courses.slug, summary: courses.summary, userNip: users.nip, startedAt: enrollments.startedAt })
    .from(certificates)
    .innerJoin(courses, eq(courses.id, certificates.courseId))
    .innerJoin(users, eq(users.id, certificates.userId))
    .leftJoin(enrollments, and(eq(enrollments.userId, certificates.userId), eq(enrollments.courseId, certificates.courseId)))
    .where(and(eq(certificates.userId, userId), eq(certificates.code, code)))
    .limit(1);
  if (!row) return null;
  const issuance = await ensureIssuance(db, row.cert);
  const key = await currentIssuerKey(db);
  const nip = row.cert.learnerNip ?? row.userNip;
  const identity = nip ?? `sigap:${row.cert.userId}`;
  const started = row.startedAt && row.startedAt <= row.cert.issuedAt ? row.startedAt : null;
  const credential = buildAchievementCredential({
    certificate: { ...row.cert, courseSlug: row.slug, courseSummary: row.summary, startedAt: started },
    identity: { hash: identityHash(identity, issuance.subjectSalt), salt: issuance.subjectSalt, type: nip ? "nationalIdentityNumber" : "identifier" },
    issuer: {
      did: didWebFor(origin),
      origin,
      institution: issuance.institution ?? "Sigap",
      signatory: { name: issuance.signatoryName ?? "", nip: issuance.signatoryNip, title: issuance.signatoryTitle ?? "" },
    },
    status: STATUS_PURPOSES.map((purpose) => ({ purpose, ...statusPosition(issuance.statusIndex - 1) })),
  });
  const { header, claims } = jwtClaimsFor(credential, key.id);
  const jwt = await signJwt({ ...credential, ...claims }, key.privateJwk, header.kid);
  return { jwt, credential };
}

// ---------------------------------------------------------------- status lists

/** Whether a certificate's state sets its bit in a list of this purpose. */
export function statusBitSet(cert: Pick<Certificate, "expiresAt" | "revokedAt" | "replacedBy">, purpose: StatusPurpose): boolean {
  // Read through certificateStatus so a "suspended" state added there lands in the suspension list.
  const status: string = certificateStatus(cert);
  return purpose === "revocation" ? status === "revoked" : status === "suspended";
}

/** The encoded bitstring of one list, as of now. */
export async function encodedStatusList(db: Db, purpose: StatusPurpose, list: number): Promise<string> {
  // Status indexes are 1-based serials; list positions are 0-based.
  const first = list * STATUS_LIST_BITS + 1;
  const rows = await db
    .select({ statusIndex: certificateIssuance.statusIndex, cert: certificates })
    .from(certificateIssuance)
    .innerJoin(certificates, eq(certificates.id, certificateIssuance.certificateId))
    .where(between(certificateIssuance.statusIndex, first, first + STATUS_LIST_BITS - 1))
    .orderBy(asc(certificateIssuance.statusIndex));
  return encodeStatusList(rows.filter((r) => statusBitSet(r.cert, purpose)).map((r) => r.statusIndex - first));
}

/** The signed BitstringStatusListCredential served at /status/<purpose>/<list>. Short-lived: verifiers refetch. */
export async function statusListCredential(db: Db, purpose: StatusPurpose, list: number, origin: string): Promise<string> {
  const encodedList = await encodedStatusList(db, purpose, list);
  const key = await currentIssuerKey(db);
  const did = didWebFor(origin);
  const url = statusListUrl(origin, purpose, list);
  const now = new Date();
  const until = new Date(now.getTime() + 24 * 3600 * 1000);
  const credential = {
    "@context": ["https://www.w3.org/ns/credentials/v2"],
    id: url,
    type: ["VerifiableCredential", "BitstringStatusListCredential"],
    issuer: did,
    validFrom: now.toISOString(),
    validUntil: until.toISOString(),
    credentialSubject: { id: `${url}#list`, type: "BitstringStatusList", statusPurpose: purpose, encodedList },
  };
  return signJwt(
    { ...credential, iss: did, jti: url, nbf: Math.floor(now.getTime() / 1000), exp: Math.floor(until.getTime() / 1000) },
    key.privateJwk,
    keyUrl(did, key.id),
    "vc+jwt",
  );
}

// ---------------------------------------------------------------- verification

export type VerifyProblem = "format" | "issuer" | "key" | "signature" | "type" | "notYetValid" | "expired" | "revoked" | "suspended" | "status";

export type VerifiedCredential = {
  outcome: "valid" | "expired" | "revoked" | "suspended" | "invalid";
  problems: VerifyProblem[];
  keyId: string | null;
  credential: Record<string, unknown> | null;
};

const MAX_TOKEN = 64 * 1024;

/**
 * Verifies a pasted VC-JWT issued by this deployment: format, issuer (our did:web), key (current
 * or retired), signature, validity period and both status lists. Credentials of other issuers
 * are not fetched from the network: they are reported as an unknown issuer.
 */
export async function verifyCredentialJwt(db: Db, input: string, origin: string, now = new Date()): Promise<VerifiedCredential> {
  const token = input.trim().replace(/\s+/g, "");
  const invalid = (problems: VerifyProblem[], credential: Record<string, unknown> | null = null, keyId: string | null = null): VerifiedCredential => ({
    outcome: "invalid",
    problems,
    keyId,
    credential,
  });
  if (!token || token.length > MAX_TOKEN) return invalid(["format"]);
  const decoded = decodeUnverified(token);
  if (!decoded) return invalid(["format"]);
  const { header, payload } = decoded;
  const did = didWebFor(origin);
  if (payload.iss !== did || issuerIdOf(payload) !== did) return invalid(["issuer"], payload);
  const kid = typeof header.kid === "string" && header.kid.startsWith(`${did}#`) ? header.kid.slice(did.length + 1) : null;
  const [key] = kid ? await db.select({ publicJwk: issuerKeys.publicJwk }).from(issuerKeys).where(eq(issuerKeys.id, kid)).limit(1) : [];
  if (!key || !kid) return invalid(["key"], payload, kid);
  if (!(await signatureValid(token, key.publicJwk))) return invalid(["signature"], payload, kid);

  const problems: VerifyProblem[] = [];
  const types = Array.isArray(payload.type) ? payload.type : [payload.type];
  if (!types.includes("VerifiableCredential") || !(types.includes("OpenBadgeCredential") || types.includes("AchievementCredential"))) problems.push("type");
  const from = Date.parse(String(payload.validFrom ?? ""));
  const until = payload.validUntil === undefined ? NaN : Date.parse(String(payload.validUntil));
  if (!Number.isFinite(from) || from > now.getTime()) problems.push("notYetValid");
  const expired = Number.isFinite(until) && until <= now.getTime();
  if (problems.length) return invalid(problems, payload, kid);

  const entries = Array.isArray(payload.credentialStatus) ? payload.credentialStatus : payload.credentialStatus ? [payload.credentialStatus] : [];
  let revoked = false;
  let suspended = false;
  for (const entry of entries as Record<string, unknown>[]) {
    const purpose = entry.statusPurpose;
    const listUrl = String(entry.statusListCredential ?? "");
    const prefix = `${origin}/status/${String(purpose)}/`;
    const list = Number(listUrl.slice(prefix.length));
    const index = Number(entry.statusListIndex);
    if ((purpose !== "revocation" && purpose !== "suspension") || !listUrl.startsWith(prefix) || !Number.isInteger(list) || !Number.isInteger(index)) {
      return invalid(["status"], payload, kid);
    }
    const set = statusBit(await encodedStatusList(db, purpose, list), index);
    if (purpose === "revocation") revoked ||= set;
    else suspended ||= set;
  }
  const outcome = revoked ? "revoked" : suspended ? "suspended" : expired ? "expired" : "valid";
  return { outcome, problems: outcome === "valid" ? [] : [outcome], keyId: kid, credential: payload };
}

function issuerIdOf(payload: Record<string, unknown>): unknown {
  const issuer = payload.issuer;
  return typeof issuer === "string" ? issuer : issuer && typeof issuer === "object" ? (issuer as { id?: unknown }).id : undefined;
}

/** For tests and the admin page: the status index of a certificate (1-based serial). */
export async function issuanceOf(db: Db, certificateId: string): Promise<CertificateIssuance | undefined> {
  const [row] = await db.select().from(certificateIssuance).where(eq(certificateIssuance.certificateId, certificateId)).limit(1);
  return row;
}

/** The institution and signatory shown for a certificate: fixed at issue, or (issued before 014) today's setting. Read-only. */
export async function issuerOf(
  db: Db,
  cert: Pick<Certificate, "id" | "agencyId">,
): Promise<{ institution: string; signatoryName: string; signatoryNip: string | null; signatoryTitle: string }> {
  const issuance = await issuanceOf(db, cert.id);
  if (issuance?.institution) {
    return {
      institution: issuance.institution,
      signatoryName: issuance.signatoryName ?? "",
      signatoryNip: issuance.signatoryNip,
      signatoryTitle: issuance.signatoryTitle ?? "",
    };
  }
  return resolveSignatory(db, cert.agencyId);
}
