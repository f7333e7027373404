import path from "node:path";
import { importJWK, jwtVerify, decodeJwt } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { submitLessonForm } from "~/content/lesson-page.server";
import { statusBit } from "~/credentials/status-list.server";
import { listOwnCertificates, revokeCertificate } from "~/models/certificate.server";
import { holderCredential, issuanceOf, rotateIssuerKey, verifyCredentialJwt } from "~/models/credential.server";
import { resolveSignatory, saveSignatory } from "~/models/signatory.server";
import { action as issuerAction, loader as issuerLoader } from "~/routes/admin.penerbit";
import { loader as didLoader } from "~/routes/[.well-known].did[.]json";
import { loader as fileLoader } from "~/routes/saya.sertifikat.$file";
import { action as checkAction } from "~/routes/sertifikat._index";
import { loader as verifyLoader } from "~/routes/sertifikat.$code";
import { loader as statusLoader } from "~/routes/status.$purpose.$list";
import { getUser, type SessionUser } from "~/utils/auth.server";
import { ob3SchemaErrors } from "../setup/ob3-schema";
import { answerFinalQuiz } from "../setup/final-quiz";
import { BASE, createAccount, createTwoAgencies, get, post, run, sessionCookieFor } from "../setup/factories";
import { getDb } from "~/utils/db.server";

const ORIGIN = BASE;
const DID = "did:web:localhost%3A3000";
const original = process.env.CONTENT_DIR;
let tree: Awaited<ReturnType<typeof createTwoAgencies>>;
let adminId: string;

beforeAll(async () => {
  process.env.CONTENT_DIR = path.resolve("tests/fixtures/content-ok");
  tree = await createTwoAgencies();
  adminId = (await createAccount(tree.provA.id, "admin")).id;
});
afterAll(() => {
  process.env.CONTENT_DIR = original;
});

const form = (fields: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
};

let keyCounter = 0;
/** A learner of unit A with a certificate of the fixture course, issued by the real path. */
async function certifiedLearner(): Promise<{ user: SessionUser; cookie: string; code: string; certificateId: string }> {
  const account = await createAccount(tree.unitA.id);
  const cookie = await sessionCookieFor(account.email);
  const user = (await getUser(get("/", cookie)))!;
  await submitLessonForm(user, "kursus-uji", "pembuka", form({ intent: "complete" }));
  // The final quiz is drawn per attempt (decision 011): answer the drawn items right.
  await answerFinalQuiz(user, "kursus-uji", "kuis-akhir", `kunci-kred-${++keyCounter}-${account.id.slice(0, 6)}`);
  const [cert] = await listOwnCertificates(await getDb(), user.id);
  if (!cert) throw new Error("fixture certificate was not issued");
  return { user, cookie, code: cert.code, certificateId: cert.id };
}

async function publishedKey(kid: string) {
  const res = await run(didLoader, get("/.well-known/did.json"));
  expect(res.status).toBe(200);
  const doc = (await res.json()) as { id: string; verificationMethod: { id: string; publicKeyJwk: Record<string, unknown> }[]; assertionMethod: string[] };
  expect(doc.id).toBe(DID);
  expect(doc.assertionMethod).toContain(kid);
  const method = doc.verificationMethod.find((m) => m.id === kid)!;
  expect(method.publicKeyJwk).not.toHaveProperty("d");
  return importJWK(method.publicKeyJwk, "EdDSA");
}

function tamper(jwt: string, change: (payload: Record<string, any>) => void): string {
  const [header, payload, signature] = jwt.split(".");
  const decoded = JSON.parse(Buffer.from(payload!, "base64url").toString("utf8")) as Record<string, any>;
  change(decoded);
  return `${header}.${Buffer.from(JSON.stringify(decoded)).toString("base64url")}.${signature}`;
}

describe("Open Badges credentials", () => {
  it("the holder downloads a VC-JWT that verifies with the key published in did.json and fits the OB 3.0 schema", async () => {
    const db = await getDb();
    const { cookie, code } = await certifiedLearner();
    const res = await run(fileLoader, get(`/saya/sertifikat/${code}.jwt`, cookie), { file: `${code}.jwt` });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/vc+jwt");
    const jwt = await res.text();
    const header = JSON.parse(Buffer.from(jwt.split(".")[0]!, "base64url").toString()) as { alg: string; kid: string };
    expect(header.alg).toBe("EdDSA");
    const { payload } = await jwtVerify(jwt, await publishedKey(header.kid), { issuer: DID });
    expect(payload).toMatchObject({
      iss: DID,
      credentialSubject: { licenseNumber: code, creditsEarned: 0.5, achievement: { name: "Kursus Uji", version: "1.0.0", creditsAvailable: 0.5 } },
    });
    expect(ob3SchemaErrors(payload)).toEqual([]);
    expect(await verifyCredentialJwt(db, jwt, ORIGIN)).toMatchObject({ outcome: "valid", problems: [] });

    // The same credential uploaded as a file instead of pasted.
    const upload = new FormData();
    upload.set("credential", "");
    upload.set("berkas", new File([jwt], `sertifikat-${code}.jwt`, { type: "application/vc+jwt" }));
    const uploaded = await run(
      checkAction,
      new Request(`${BASE}/sertifikat?index`, { method: "POST", body: upload, headers: { origin: BASE, host: "localhost:3000" } }),
    );
    expect(await uploaded.json()).toMatchObject({ error: null, result: { outcome: "valid", credential: { credentialSubject: { licenseNumber: code } } } });

    const json = await run(fileLoader, get(`/saya/sertifikat/${code}.json`, cookie), { file: `${code}.json` });
    expect(json.headers.get("content-type")).toMatch(/^application\/ld\+json/);
    const credential = (await json.json()) as Record<string, unknown>;
    expect(credential["@context"]).toEqual(["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"]);
    expect(ob3SchemaErrors(credential)).toEqual([]);
  });

  it("nobody else gets a holder's credential", async () => {
    const { code } = await certifiedLearner();
    const other = await sessionCookieFor((await createAccount(tree.unitA.id, "admin")).email);
    expect((await run(fileLoader, get(`/saya/sertifikat/${code}.jwt`, other), { file: `${code}.jwt` })).status).toBe(404);
  });

  it("fails after tampering: the page shows the signature problem", async () => {
    const db = await getDb();
    const { user, code } = await certifiedLearner();
    const { jwt } = (await holderCredential(db, user.id, code, ORIGIN))!;
    const forged = tamper(jwt, (p) => {
      p.credentialSubject.creditsEarned = 40;
      p.credentialSubject.achievement.creditsAvailable = 40;
    });
    expect(decodeJwt(forged).credentialSubject).toMatchObject({ creditsEarned: 40 });
    expect(await verifyCredentialJwt(db, forged, ORIGIN)).toMatchObject({ outcome: "invalid", problems: ["signature"] });
    const res = await run(checkAction, post("/sertifikat?index", { credential: forged }));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ result: { outcome: "invalid", problems: ["signature"] } });
    // Another issuer's DID, or garbage, is not ours to vouch for.
    expect(
      (
        await verifyCredentialJwt(
          db,
          tamper(jwt, (p) => (p.iss = "did:web:palsu.example")),
          ORIGIN,
        )
      ).problems,
    ).toEqual(["issuer"]);
    expect((await verifyCredentialJwt(db, "bukan kredensial", ORIGIN)).problems).toEqual(["format"]);
    expect((await run(checkAction, post("/sertifikat?index", { credential: "" }))).status).toBe(400);
  });

  it("shows revoked after revocation, through the public status list", async () => {
    const db = await getDb();
    const { user, code, certificateId } = await certifiedLearner();
    const { jwt, credential } = (await holderCredential(db, user.id, code, ORIGIN))!;
    const entry = credential.credentialStatus.find((s) => s.statusPurpose === "revocation")!;
    const readBit = async () => {
      const res = await run(statusLoader, get(new URL(entry.statusListCredential).pathname), {
        purpose: "revocation",
        list: entry.statusListCredential.split("/").pop()!,
      });
      expect(res.status).toBe(200);
      const listJwt = await res.text();
      const { payload } = await jwtVerify(listJwt, await publishedKey(JSON.parse(Buffer.from(listJwt.split(".")[0]!, "base64url").toString()).kid), {
        issuer: DID,
      });
      const subject = payload.credentialSubject as { type: string; statusPurpose: string; encodedList: string };
      expect(subject).toMatchObject({ type: "BitstringStatusList", statusPurpose: "revocation" });
      return statusBit(subject.encodedList, Number(entry.statusListIndex));
    };
    expect(await readBit()).toBe(false);
    const manager = await createAccount(tree.agencyA.id, "manager");
    expect(await revokeCertificate(db, manager.id, tree.agencyA.path, user.id, certificateId, "Data NIP keliru")).toBe(true);
    expect(await readBit()).toBe(true);
    expect(await verifyCredentialJwt(db, jwt, ORIGIN)).toMatchObject({ outcome: "revoked", problems: ["revoked"] });
    const res = await run(checkAction, post("/sertifikat?index", { credential: jwt }));
    expect(await res.json()).toMatchObject({ result: { outcome: "revoked" } });
  });

  it("reports expiry from validUntil, and keeps old credentials verifying after a key rotation", async () => {
    const db = await getDb();
    const { user, code } = await certifiedLearner();
    const before = (await holderCredential(db, user.id, code, ORIGIN))!;
    const later = new Date(Date.parse(before.credential.validUntil) + 1000);
    expect(await verifyCredentialJwt(db, before.jwt, ORIGIN, later)).toMatchObject({ outcome: "expired" });
    const newKey = await rotateIssuerKey(db, adminId);
    const after = (await holderCredential(db, user.id, code, ORIGIN))!;
    expect(JSON.parse(Buffer.from(after.jwt.split(".")[0]!, "base64url").toString()).kid).toBe(`${DID}#${newKey}`);
    expect(await verifyCredentialJwt(db, before.jwt, ORIGIN)).toMatchObject({ outcome: "valid" });
    expect(await verifyCredentialJwt(db, after.jwt, ORIGIN)).toMatchObject({ outcome: "valid", keyId: newKey });
  });

  it("fixes the agency's signatory at issue and shows it on the verification page", async () => {
    const db = await getDb();
    await saveSignatory(db, adminId, tree.agencyA.id, {
      institution: "BPSDM Provinsi A",
      signatoryName: "Dr. Sari Wulandari",
      signatoryNip: "197501012000032001",
      signatoryTitle: "Kepala BPSDM",
    });
    const { user, code, certificateId } = await certifiedLearner();
    expect(await issuanceOf(db, certificateId)).toMatchObject({ institution: "BPSDM Provinsi A", signatoryName: "Dr. Sari Wulandari" });
    // A later change does not rewrite what was issued.
    await saveSignatory(db, adminId, tree.agencyA.id, {
      institution: "BPSDM Baru",
      signatoryName: "Orang Lain",
      signatoryNip: null,
      signatoryTitle: "Plt. Kepala",
    });
    const page = (await (await run(verifyLoader, get(`/sertifikat/${code}`), { code })).json()) as { cert: { issuer: Record<string, unknown> } };
    expect(page.cert.issuer).toEqual({
      institution: "BPSDM Provinsi A",
      signatoryName: "Dr. Sari Wulandari",
      signatoryNip: "197501012000032001",
      signatoryTitle: "Kepala BPSDM",
    });
    const { credential } = (await holderCredential(db, user.id, code, ORIGIN))!;
    expect(credential.issuer.name).toBe("BPSDM Provinsi A");
    expect(credential.evidence[0]!.description).toContain("Dr. Sari Wulandari (NIP 197501012000032001), Kepala BPSDM");
  });

  it("lets an admin set a signatory per agency and rotate the key, with field errors for a bad NIP", async () => {
    const db = await getDb();
    const admin = await sessionCookieFor((await createAccount(tree.provB.id, "admin")).email);
    const fields = {
      intent: "save",
      agencyId: tree.agencyB.id,
      institution: "BPSDM Provinsi B",
      signatoryName: "Ir. Bambang",
      signatoryNip: "12345",
      signatoryTitle: "Kepala",
    };
    const bad = await run(issuerAction, post("/admin/penerbit", fields, admin));
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ ok: false, errors: { signatoryNip: "admin.issuer.nipFormat" }, values: { institution: "BPSDM Provinsi B" } });
    expect((await resolveSignatory(db, tree.unitB.id)).institution).not.toBe("BPSDM Provinsi B");
    const good = await run(issuerAction, post("/admin/penerbit", { ...fields, signatoryNip: "" }, admin));
    expect(await good.json()).toMatchObject({ ok: true, done: { key: "admin.issuer.saved", vars: { scope: "Diskominfo B" } } });
    // The unit below the agency inherits it.
    expect(await resolveSignatory(db, tree.unitB.id)).toEqual({
      institution: "BPSDM Provinsi B",
      signatoryName: "Ir. Bambang",
      signatoryNip: null,
      signatoryTitle: "Kepala",
    });

    const before = (await (await run(issuerLoader, get("/admin/penerbit", admin))).json()) as { keys: { id: string; current: boolean }[] };
    const rotated = await run(issuerAction, post("/admin/penerbit", { intent: "rotate" }, admin));
    const newId = ((await rotated.json()) as { done: { vars: { id: string } } }).done.vars.id;
    const after = (await (await run(issuerLoader, get("/admin/penerbit", admin))).json()) as { keys: { id: string; current: boolean }[] };
    expect(after.keys.filter((k) => k.current).map((k) => k.id)).toEqual([newId]);
    expect(after.keys.map((k) => k.id)).toEqual(expect.arrayContaining(before.keys.map((k) => k.id)));
    expect(after.keys).toHaveLength(before.keys.length + 1);
  });
});
