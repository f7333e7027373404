import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { certificates, courses, rateLimits } from "../../db/schema";
import { generateCertificateCode } from "~/certificates/code";
import { loader as verifyLoader } from "~/routes/sertifikat.$code";
import { getDb } from "~/utils/db.server";
import { resetMemoryLimits } from "~/utils/memory-limit.server";
import { createAccount, createTwoAgencies, get, run } from "../setup/factories";

// Public verification is a read: no row written per hit (issue 18), revocation shown at once.
let code: string;
beforeAll(async () => {
  const tree = await createTwoAgencies();
  const db = await getDb();
  const learner = await createAccount(tree.unitA.id);
  const courseId = `c-${randomUUID()}`;
  await db.insert(courses).values({
    id: courseId,
    slug: `kursus-${courseId}`,
    title: "Kursus",
    summary: "Ringkas",
    level: "dasar",
    version: "1.0.0",
    minutes: 60,
    passPercent: 70,
    validMonths: 24,
    contentHash: "h",
  });
  code = generateCertificateCode();
  await db.insert(certificates).values({
    id: randomUUID(),
    code,
    userId: learner.id,
    courseId,
    learnerName: "Sari",
    agencyId: tree.unitA.id,
    agencyName: "Dinas A",
    courseTitle: "Kursus",
    courseVersion: "1.0.0",
    jp: 1,
    expiresAt: new Date(Date.now() + 86_400_000),
  });
});

const verify = async (c: string, ip = "203.0.113.7") => run(verifyLoader, get(`/sertifikat/${c}`), { code: c }, { clientAddress: ip });
const rateRows = async () => (await (await getDb()).select().from(rateLimits)).length;

describe("public certificate verification", () => {
  it("writes nothing to the database, for a good code or a bad one", async () => {
    const before = await rateRows();
    expect((await verify(code)).status).toBe(200);
    expect((await verify("SALAH-1234")).status).toBe(404);
    expect(await rateRows()).toBe(before);
  });

  it("a revoked certificate verifies as revoked on the next hit", async () => {
    expect(((await (await verify(code)).json()) as { outcome: string }).outcome).toBe("valid");
    await (await getDb()).update(certificates).set({ revokedAt: new Date(), revokedReason: "Salah terbit" }).where(eq(certificates.code, code));
    expect(((await (await verify(code)).json()) as { outcome: string }).outcome).toBe("revoked");
  });

  it("still limits one address to 30 lookups a minute (per process)", async () => {
    resetMemoryLimits();
    for (let i = 0; i < 30; i++) expect((await verify("SALAH-1234", "198.51.100.9")).status).toBe(404);
    expect((await verify(code, "198.51.100.9")).status).toBe(429);
    expect((await verify(code, "198.51.100.10")).status).toBe(200);
  });
});
