import { randomUUID } from "node:crypto";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { certificates, courses } from "../../db/schema";
import { generateCertificateCode } from "~/certificates/code";
import { loader as learnersLoader } from "~/routes/kelola.peserta._index";
import { action as assignAction } from "~/routes/kelola.penugasan";
import { loader as verifyLoader } from "~/routes/sertifikat.$code";
import { getDb, openDatabase, setReplicaFactory, WROTE_COOKIE } from "~/utils/db.server";
import { createAccount, createTwoAgencies, get, post, run, sessionCookieFor } from "../setup/factories";
import { adminUrl, databaseUrlFor } from "../setup/pg-urls";

/**
 * DATABASE_REPLICA_URL (issue 18 item 2): report routes read from the replica, except for a
 * browser that has just written, which reads from the primary (read-your-writes). The "replica"
 * here is a second, read-only database on the same server that holds older data than the
 * primary — as a lagging standby would — so each answer shows which database it came from.
 * bench:replica runs the same routes against a real streaming standby.
 */
const template = inject("pgTemplate");

describe.skipIf(!template)("read replica (PostgreSQL only: PGlite is one in-process database, there is no second server to replicate to)", () => {
  const replicaName = `sigap_replica_${process.pid}_${randomUUID().slice(0, 6)}`;
  const admin = template ? postgres(adminUrl(), { max: 1, onnotice: () => {} }) : null;
  let managerCookie = "";
  let primaryLearner = "";
  let agencyId = "";
  let courseId = "";
  let code = "";

  beforeAll(async () => {
    const db = await getDb();
    const tree = await createTwoAgencies();
    agencyId = tree.agencyA.id;
    const manager = await createAccount(tree.agencyA.id, "manager");
    managerCookie = await sessionCookieFor(manager.email);
    primaryLearner = `Baru di primer ${randomUUID().slice(0, 4)}`;
    const learner = await createAccount(tree.unitA.id, "learner", primaryLearner);
    courseId = `c-${randomUUID()}`;
    await db.insert(courses).values({
      id: courseId,
      slug: `kursus-${courseId}`,
      title: "Kursus Replika",
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
      learnerName: primaryLearner,
      agencyId: tree.unitA.id,
      agencyName: "Dinas A",
      courseTitle: "Kursus Replika",
      courseVersion: "1.0.0",
      jp: 1,
      expiresAt: new Date(Date.now() + 86_400_000),
    });

    // The replica as it stood a while ago: the agency tree and one older learner, nothing since.
    await admin!.unsafe(`create database ${replicaName} template ${template}`);
    const replica = postgres(databaseUrlFor(replicaName), { max: 1, onnotice: () => {} });
    for (const a of [tree.provA, tree.agencyA, tree.unitA])
      await replica`insert into agencies (id, code, name, kind, parent_id, path) values (${a.id}, ${a.code}, ${a.name}, ${a.kind}, ${a.parentId}, ${a.path})`;
    await replica`insert into users (id, email, name, password_hash, role, agency_id) values (${randomUUID()}, ${`${randomUUID()}@uji.sigap.id`}, 'Hanya di replika', 'x', 'learner', ${tree.unitA.id})`;
    await replica.end();
    // A standby refuses writes: so does this one.
    await admin!.unsafe(`alter database ${replicaName} set default_transaction_read_only = on`);
    setReplicaFactory(() => openDatabase({ url: databaseUrlFor(replicaName), max: 2 }));
  });

  afterAll(async () => {
    setReplicaFactory(null);
    await new Promise((r) => setTimeout(r, 100));
    await admin?.unsafe(`drop database if exists ${replicaName} with (force)`);
    await admin?.end();
  });

  const names = async (res: Response) => ((await res.json()) as { learners: { name: string; dueDate: string | null }[] }).learners;

  it("the learner table of a manager who has not written reads from the replica", async () => {
    const res = await run(learnersLoader, get("/kelola/peserta", managerCookie));
    expect(res.status).toBe(200);
    const rows = await names(res);
    expect(rows.map((r) => r.name)).toEqual(["Hanya di replika"]);
  });

  it("after the manager's own write, the same browser reads from the primary and sees it", async () => {
    const res = await run(assignAction, post("/kelola/penugasan", { courseId, agencyId, dueDate: "2031-05-20" }, managerCookie));
    expect(res.status).toBe(200);
    const mark = res.headers.get("set-cookie")?.match(new RegExp(`${WROTE_COOKIE}=\\d+`))?.[0];
    expect(mark).toBeTruthy();
    expect(res.headers.get("set-cookie")).toMatch(/HttpOnly; SameSite=Lax; Max-Age=10/);

    const after = await names(await run(learnersLoader, get(`/kelola/peserta?kursus=${courseId}`, `${managerCookie}; ${mark}`)));
    expect(after.map((r) => r.name)).toContain(primaryLearner);
    expect(after.find((r) => r.name === primaryLearner)?.dueDate).toBe("2031-05-20");
    expect(after.map((r) => r.name)).not.toContain("Hanya di replika");

    // Another browser of the same manager (no mark) still reads the replica.
    const elsewhere = await names(await run(learnersLoader, get(`/kelola/peserta?kursus=${courseId}`, managerCookie)));
    expect(elsewhere.map((r) => r.name)).toEqual(["Hanya di replika"]);
  });

  it("a mark older than READ_YOUR_WRITES_SECONDS goes back to the replica", async () => {
    const old = `${WROTE_COOKIE}=${Date.now() - 11_000}`;
    const rows = await names(await run(learnersLoader, get("/kelola/peserta", `${managerCookie}; ${old}`)));
    expect(rows.map((r) => r.name)).toEqual(["Hanya di replika"]);
  });

  it("public verification reads the replica (a certificate issued after its snapshot is not there yet); the issuer's browser reads the primary", async () => {
    const verify = (cookie?: string) => run(verifyLoader, get(`/sertifikat/${code}`, cookie), { code }, { clientAddress: "203.0.113.40" });
    expect((await verify()).status).toBe(404);
    const res = await verify(`${WROTE_COOKIE}=${Date.now()}`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { outcome: string }).outcome).toBe("valid");
  });
});
