import path from "node:path";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { auditLog, certificateIssuance, certificates, enrollments, mailMessages, users } from "../../db/schema";
import { checkCertificateCode } from "~/certificates/code";
import { submitLessonForm } from "~/content/lesson-page.server";
import { findCertificateByCode, listOwnCertificates, revokeCertificate, startRecertification } from "~/models/certificate.server";
import { saveMailSettings } from "~/models/mail.server";
import { action as learnerDetailAction } from "~/routes/kelola.peserta.$id";
import { getUser, type SessionUser } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { createAccount, createTwoAgencies, get, post, run, sessionCookieFor } from "../setup/factories";
import { answerFinalQuiz } from "../setup/final-quiz";

const original = process.env.CONTENT_DIR;
let tree: Awaited<ReturnType<typeof createTwoAgencies>>;
beforeAll(async () => {
  process.env.CONTENT_DIR = path.resolve("tests/fixtures/content-ok");
  tree = await createTwoAgencies();
});
afterAll(() => {
  process.env.CONTENT_DIR = original;
});

async function userIn(agencyId: string, role: "learner" | "manager" = "learner"): Promise<SessionUser> {
  const account = await createAccount(agencyId, role);
  return (await getUser(get("/", await sessionCookieFor(account.email))))!;
}

const form = (fields: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
};
const markReading = (user: SessionUser) => submitLessonForm(user, "kursus-uji", "pembuka", form({ intent: "complete" }));
const passQuiz = (user: SessionUser, key: string) => answerFinalQuiz(user, "kursus-uji", "kuis-akhir", key);

describe("certificates", () => {
  it("issues one certificate when the last requirement completes, with every printed field", async () => {
    const db = await getDb();
    const user = await userIn(tree.unitA.id);
    await passQuiz(user, "kunci-sert-0001");
    expect(await listOwnCertificates(db, user.id)).toHaveLength(0);
    await markReading(user);
    await markReading(user);
    const certs = await listOwnCertificates(db, user.id);
    expect(certs).toHaveLength(1);
    const c = certs[0]!;
    expect(checkCertificateCode(c.code)).toEqual({ ok: true, code: c.code });
    expect(c).toMatchObject({ learnerName: user.name, agencyName: "Bidang A1", courseTitle: "Kursus Uji", courseVersion: "1.0.0", jp: 0.5 });
    const months = (c.expiresAt.getUTCFullYear() - c.issuedAt.getUTCFullYear()) * 12 + c.expiresAt.getUTCMonth() - c.issuedAt.getUTCMonth();
    expect(months).toBe(12);
  });

  it("writes the issuance row and the learner's mail with the certificate, in their language; none for a disabled account", async () => {
    const db = await getDb();
    const user = await userIn(tree.unitA.id);
    await saveMailSettings(db, user.id, { lang: "en" });
    await passQuiz(user, "kunci-sert-0010");
    await markReading(user);
    await markReading(user);
    const [cert] = await listOwnCertificates(db, user.id);
    const [issuance] = await db.select().from(certificateIssuance).where(eq(certificateIssuance.certificateId, cert!.id));
    expect(issuance).toMatchObject({ signatoryTitle: expect.any(String) as string });
    expect(issuance!.subjectSalt).toMatch(/^[0-9a-f]{32}$/);
    const mails = await db.select().from(mailMessages).where(eq(mailMessages.userId, user.id));
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ key: `cert-issued:${cert!.id}`, kind: "certificateIssued", lang: "en", status: "queued", toAddress: user.email });
    expect(mails[0]!.body).toContain(cert!.code);

    const disabled = await userIn(tree.unitA.id);
    await passQuiz(disabled, "kunci-sert-0011");
    expect(await listOwnCertificates(db, disabled.id)).toHaveLength(0);
    await db.update(users).set({ disabled: true }).where(eq(users.id, disabled.id));
    await markReading(disabled);
    expect(await listOwnCertificates(db, disabled.id)).toHaveLength(1);
    expect(await db.select().from(mailMessages).where(eq(mailMessages.userId, disabled.id))).toHaveLength(0);
  });

  it("issues exactly once when the last two requirements complete concurrently", async () => {
    const user = await userIn(tree.unitA.id);
    await Promise.all([markReading(user), passQuiz(user, "kunci-sert-0002"), markReading(user), passQuiz(user, "kunci-sert-0003")]);
    const db = await getDb();
    expect(await db.select().from(certificates).where(eq(certificates.userId, user.id))).toHaveLength(1);
  });

  it("recertifies: progress resets, a new certificate replaces the old one", async () => {
    const db = await getDb();
    const user = await userIn(tree.unitA.id);
    await markReading(user);
    await passQuiz(user, "kunci-sert-0004");
    const [first] = await listOwnCertificates(db, user.id);
    // Offered only from 90 days before expiry.
    expect(await startRecertification(db, user.id, first!.courseId)).toBe(false);
    await db
      .update(certificates)
      .set({ expiresAt: new Date(Date.now() + 30 * 24 * 3600 * 1000) })
      .where(eq(certificates.id, first!.id));
    // And only when the learner confirmed it.
    expect(await startRecertification(db, user.id, first!.courseId, { confirmed: false })).toBe(false);
    expect(await startRecertification(db, user.id, first!.courseId, { confirmed: true })).toBe(true);
    await markReading(user);
    expect(await listOwnCertificates(db, user.id)).toHaveLength(1);
    await passQuiz(user, "kunci-sert-0005");
    const certs = await listOwnCertificates(db, user.id);
    expect(certs).toHaveLength(2);
    const old = await findCertificateByCode(db, first!.code);
    const renewed = certs.find((c) => c.id !== first!.id)!;
    expect(old!.replacedByCode).toBe(renewed.code);
    expect(renewed.replacedBy).toBeNull();
  });

  it("lets only a manager of the learner's agency revoke, with an audit entry", async () => {
    const db = await getDb();
    const user = await userIn(tree.unitA.id);
    await markReading(user);
    await passQuiz(user, "kunci-sert-0006");
    const [cert] = await listOwnCertificates(db, user.id);
    const managerB = await userIn(tree.agencyB.id, "manager");
    expect(await revokeCertificate(db, managerB.id, managerB.agencyPath, user.id, cert!.id, "Coba-coba")).toBe(false);
    const managerA = await userIn(tree.agencyA.id, "manager");
    expect(await revokeCertificate(db, managerA.id, managerA.agencyPath, user.id, cert!.id, "Data NIP keliru")).toBe(true);
    const found = await findCertificateByCode(db, cert!.code);
    expect(found).toMatchObject({ revokedReason: "Data NIP keliru", revokedBy: managerA.id });
    expect(await db.select().from(auditLog).where(eq(auditLog.targetId, cert!.id))).toHaveLength(1);
  });

  it("revokes from a learner's page only that learner's certificate, even when both are in scope", async () => {
    const db = await getDb();
    const owner = await userIn(tree.unitA.id);
    await markReading(owner);
    await passQuiz(owner, "kunci-sert-0007");
    const [cert] = await listOwnCertificates(db, owner.id);
    const other = await userIn(tree.unitA.id);
    const manager = await sessionCookieFor((await createAccount(tree.agencyA.id, "manager")).email);
    const revoke = (learnerId: string, reason: string) =>
      run(learnerDetailAction, post(`/kelola/peserta/${learnerId}`, { certificateId: cert!.id, reason }, manager), { id: learnerId });

    expect((await revoke(other.id, "Lewat halaman orang lain")).status).toBe(404);
    expect(await findCertificateByCode(db, cert!.code)).toMatchObject({ revokedAt: null, revokedReason: null, revokedBy: null });
    expect(await db.select().from(auditLog).where(eq(auditLog.targetId, cert!.id))).toHaveLength(0);

    const res = await revoke(owner.id, "Data NIP keliru");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, reason: "" });
    expect(await findCertificateByCode(db, cert!.code)).toMatchObject({ revokedReason: "Data NIP keliru" });
  });
});

describe.skipIf(!inject("pgTemplate"))("recertification beside a completion (PostgreSQL only: PGlite has one connection, nothing runs beside)", () => {
  it("waits for the enrollment's lock before taking the certificate's, the order completions take them in", async () => {
    const db = await getDb();
    const user = await userIn(tree.unitA.id);
    await passQuiz(user, "kunci-sert-0101");
    await markReading(user);
    const [cert] = await listOwnCertificates(db, user.id);
    await db
      .update(certificates)
      .set({ expiresAt: new Date(Date.now() + 30 * 24 * 3600 * 1000) })
      .where(eq(certificates.id, cert!.id));
    let renewal: Promise<boolean> | null = null;
    // A completion in progress: it holds the enrollment and will next need the certificate.
    await db.transaction(async (tx) => {
      await tx
        .select({ id: enrollments.id })
        .from(enrollments)
        .where(and(eq(enrollments.userId, user.id), eq(enrollments.courseId, cert!.courseId)))
        .for("update");
      renewal = startRecertification(db, user.id, cert!.courseId);
      // Until the renewal's transaction (another connection of the pool) waits on a lock.
      for (let i = 0; i < 500; i++) {
        const [waiting] = await tx
          .select({ n: sql<number>`count(*)::int` })
          .from(sql`pg_stat_activity`)
          .where(sql`datname = current_database() and wait_event_type = 'Lock'`);
        if (waiting!.n > 0) break;
        await new Promise((r) => setTimeout(r, 10));
      }
      // The certificate must still be free: NOWAIT fails at once if the renewal took it first.
      const free = await tx.select({ id: certificates.id }).from(certificates).where(eq(certificates.id, cert!.id)).for("update", { noWait: true });
      expect(free).toHaveLength(1);
    });
    expect(await renewal).toBe(true);
    const [after] = await db.select().from(certificates).where(eq(certificates.id, cert!.id));
    expect(after!.renewalStartedAt).not.toBeNull();
  });
});
