import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ob3SchemaErrors } from "../../tests/setup/ob3-schema";
import { buildAchievementCredential, jwtClaimsFor, statusListUrl, type CredentialInput } from "./ob3";

const salt = "7f3a9c0e5b2d4f61a8c9e0b1d2f3a4b5";
const nip = "198503122010011001";
const input: CredentialInput = {
  certificate: {
    id: "6f0c7e52-8a35-4c0b-9a0e-2f9a1f1c3d44",
    code: "SGP-7K2M-9QXD-4TBZ",
    courseTitle: "Tata Kelola Media Sosial Instansi",
    courseVersion: "1.2.0",
    courseSlug: "tata-kelola-media-sosial",
    courseSummary: "Menyusun pedoman media sosial instansi dan menjawab warganet dengan tepat.",
    jp: 3,
    agencyName: "Bidang Pelayanan Pendaftaran Penduduk",
    issuedAt: new Date("2026-03-05T02:00:00Z"),
    expiresAt: new Date("2027-03-05T02:00:00Z"),
    startedAt: new Date("2026-03-01T01:00:00Z"),
  },
  identity: {
    hash: createHash("sha256")
      .update(nip + salt)
      .digest("hex"),
    salt,
    type: "nationalIdentityNumber",
  },
  issuer: {
    did: "did:web:sigap.example.go.id",
    origin: "https://sigap.example.go.id",
    institution: "BPSDM Provinsi Sumatera Selatan",
    signatory: { name: "Dr. Hendra Saputra, M.Si.", nip: "197001011995031001", title: "Kepala BPSDM" },
  },
  status: [
    { purpose: "revocation", list: 0, index: 41 },
    { purpose: "suspension", list: 0, index: 41 },
  ],
};

describe("Open Badges 3.0 credential", () => {
  const credential = buildAchievementCredential(input);

  it("validates against the OB 3.0 AchievementCredential schema", () => {
    expect(ob3SchemaErrors(credential)).toEqual([]);
  });

  it("the schema check can fail: no criteria, a bad type, a plain identity hash marked hashed", () => {
    const noCriteria = structuredClone(credential) as Record<string, any>;
    delete noCriteria.credentialSubject.achievement.criteria;
    expect(ob3SchemaErrors(noCriteria).join()).toMatch(/criteria/);
    expect(ob3SchemaErrors({ ...credential, type: ["VerifiableCredential"] })).not.toEqual([]);
    const plain = structuredClone(credential) as Record<string, any>;
    plain.credentialSubject.identifier[0].identityHash = nip;
    expect(ob3SchemaErrors(plain)).not.toEqual([]);
    expect(ob3SchemaErrors({ ...credential, validFrom: "5 Maret 2026" })).not.toEqual([]);
  });

  it("describes the course: name, criteria, JP and version", () => {
    const { achievement } = credential.credentialSubject;
    expect(achievement).toMatchObject({
      id: "https://sigap.example.go.id/kursus/tata-kelola-media-sosial#versi-1.2.0",
      name: "Tata Kelola Media Sosial Instansi",
      achievementType: "Course",
      creditsAvailable: 3,
      version: "1.2.0",
    });
    expect(achievement.criteria.narrative).toMatch(/kuis akhir/);
    expect(credential.credentialSubject.creditsEarned).toBe(3);
    expect(credential.credentialSubject.licenseNumber).toBe("SGP-7K2M-9QXD-4TBZ");
    expect([credential.validFrom, credential.validUntil]).toEqual(["2026-03-05T02:00:00.000Z", "2027-03-05T02:00:00.000Z"]);
  });

  it("identifies the holder by a salted hash only: no name, NIP or e-mail in it", () => {
    const [identity] = credential.credentialSubject.identifier;
    expect(identity).toEqual({
      type: "IdentityObject",
      identityHash: `sha256$${input.identity.hash}`,
      identityType: "nationalIdentityNumber",
      hashed: true,
      salt,
    });
    // A verifier told the NIP can check it; the credential itself does not carry it.
    expect(
      createHash("sha256")
        .update(nip + identity!.salt)
        .digest("hex"),
    ).toBe(identity!.identityHash.slice(7));
    const text = JSON.stringify(credential);
    expect(text).not.toContain(nip);
    expect(text).not.toContain("Rina");
    expect(credential.credentialSubject).not.toHaveProperty("id");
  });

  it("points to both status lists and carries the signatory", () => {
    expect(credential.credentialStatus).toEqual([
      {
        id: "https://sigap.example.go.id/status/revocation/0#41",
        type: "BitstringStatusListEntry",
        statusPurpose: "revocation",
        statusListIndex: "41",
        statusListCredential: statusListUrl("https://sigap.example.go.id", "revocation", 0),
      },
      {
        id: "https://sigap.example.go.id/status/suspension/0#41",
        type: "BitstringStatusListEntry",
        statusPurpose: "suspension",
        statusListIndex: "41",
        statusListCredential: "https://sigap.example.go.id/status/suspension/0",
      },
    ]);
    expect(credential.issuer).toEqual({
      id: "did:web:sigap.example.go.id",
      type: ["Profile"],
      name: "BPSDM Provinsi Sumatera Selatan",
      url: "https://sigap.example.go.id",
    });
    expect(credential.evidence[0]!.description).toMatch(/Dr\. Hendra Saputra, M\.Si\. \(NIP 197001011995031001\), Kepala BPSDM/);
  });

  it("maps to VC-JWT claims: iss, jti, nbf, exp and the key's DID URL", () => {
    const { header, claims } = jwtClaimsFor(credential, "kunci-1");
    expect(header).toEqual({ alg: "EdDSA", typ: "JWT", kid: "did:web:sigap.example.go.id#kunci-1" });
    expect(claims).toEqual({ iss: "did:web:sigap.example.go.id", jti: "urn:uuid:6f0c7e52-8a35-4c0b-9a0e-2f9a1f1c3d44", nbf: 1772676000, exp: 1804212000 });
  });
});
