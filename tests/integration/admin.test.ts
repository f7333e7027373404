import { and, desc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { agencies, auditLog, sessions, users } from "../../db/schema";
import { audit } from "~/models/audit.server";
import { createAgency, getAgency } from "~/models/agency.server";
import { loader as homeLoader } from "~/routes/admin._index";
import { loader as auditLoader } from "~/routes/admin.audit";
import { action as agenciesAction, loader as agenciesLoader } from "~/routes/admin.instansi";
import { action as usersAction, loader as usersLoader } from "~/routes/admin.pengguna";
import { loader as userDetailLoader } from "~/routes/kelola.pengguna.$id";
import { loader as usersInScopeLoader } from "~/routes/kelola.pengguna._index";
import { action as signInAction } from "~/routes/masuk";
import { getUser, signIn } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { createAccount, createTwoAgencies, get, post, run, sessionCookieFor, TEST_PASSWORD } from "../setup/factories";

type Tree = Awaited<ReturnType<typeof createTwoAgencies>>;
let tree: Tree;
let admin: { id: string; cookie: string };

beforeAll(async () => {
  tree = await createTwoAgencies();
  const account = await createAccount(tree.provA.id, "admin", "Admin Uji");
  admin = { id: account.id, cookie: await sessionCookieFor(account.email) };
});

async function signedIn(agencyId: string, role: "learner" | "instructor" | "manager" | "admin" = "learner") {
  const account = await createAccount(agencyId, role);
  return { ...account, cookie: await sessionCookieFor(account.email) };
}

async function sessionCount(userId: string) {
  const db = await getDb();
  return (await db.select().from(sessions).where(eq(sessions.userId, userId))).length;
}

async function auditEntries(action: string, targetId: string) {
  const db = await getDb();
  return db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.targetId, targetId)))
    .orderBy(desc(auditLog.id));
}

const move = (agencyId: string, parentId: string, cookie = admin.cookie) =>
  run(agenciesAction, post("/admin/instansi", { intent: "move", agencyId, parentId }, cookie));

describe("only administrators", () => {
  it("answers 403 to managers, instructors and learners on every admin loader and action, and changes nothing", async () => {
    const outsiders = [await signedIn(tree.agencyA.id, "manager"), await signedIn(tree.provA.id, "instructor"), await signedIn(tree.unitA.id, "learner")];
    const victim = await createAccount(tree.unitA.id, "learner");
    for (const who of outsiders) {
      for (const [loader, path] of [
        [homeLoader, "/admin"],
        [agenciesLoader, "/admin/instansi"],
        [usersLoader, "/admin/pengguna"],
        [auditLoader, "/admin/audit"],
      ] as const) {
        expect((await run(loader, get(path, who.cookie))).status, `${who.role} GET ${path}`).toBe(403);
      }
      const agencyPosts: Record<string, string>[] = [
        { intent: "create", name: "Unit Liar", code: `LIAR-${who.id.slice(0, 6)}`, kind: "unit", parentId: tree.agencyA.id },
        { intent: "rename", agencyId: tree.unitA.id, name: "Dibajak" },
        { intent: "move", agencyId: tree.unitA.id, parentId: tree.agencyB.id },
      ];
      for (const fields of agencyPosts) {
        expect((await run(agenciesAction, post("/admin/instansi", fields, who.cookie))).status, `${who.role} ${fields.intent}`).toBe(403);
      }
      const escalate = { userId: who.id, role: "admin", agencyId: who.agencyId };
      expect((await run(usersAction, post("/admin/pengguna", escalate, who.cookie))).status).toBe(403);
      const disable = { userId: victim.id, role: "learner", agencyId: victim.agencyId, disabled: "on" };
      expect((await run(usersAction, post("/admin/pengguna", disable, who.cookie))).status).toBe(403);
    }
    const db = await getDb();
    const [unitA] = await db.select().from(agencies).where(eq(agencies.id, tree.unitA.id));
    expect(unitA).toMatchObject({ name: tree.unitA.name, parentId: tree.agencyA.id, path: tree.unitA.path });
    const rows = await db.select({ role: users.role, disabled: users.disabled }).from(users).where(eq(users.id, victim.id));
    expect(rows).toEqual([{ role: "learner", disabled: false }]);
    for (const who of outsiders) {
      const [row] = await db.select({ role: users.role }).from(users).where(eq(users.id, who.id));
      expect(row!.role).toBe(who.role);
    }
  });

  it("sends anonymous visitors to sign in", async () => {
    const res = await run(agenciesLoader, get("/admin/instansi"));
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/masuk?ke=%2Fadmin%2Finstansi");
  });

  it("refuses a cross-site POST before anything else", async () => {
    const db = await getDb();
    const res = await run(
      agenciesAction,
      post("/admin/instansi", { intent: "rename", agencyId: tree.unitB.id, name: "X" }, admin.cookie, { origin: "https://jahat.example" }),
    );
    expect(res.status).toBe(403);
    expect((await getAgency(db, tree.unitB.id))!.name).toBe(tree.unitB.name);
  });
});

describe("agencies", () => {
  it("creates a unit under a parent with an audit entry, and refuses a taken code with the values kept", async () => {
    const code = `16.01.UJI-${Date.now().toString(36)}`.toUpperCase();
    const fields = { intent: "create", name: "Bidang Uji Baru", code: code.toLowerCase(), kind: "unit", parentId: tree.agencyA.id };
    const res = await run(agenciesAction, post("/admin/instansi", fields, admin.cookie));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, done: { key: "admin.agencies.created", name: "Bidang Uji Baru" } });
    const db = await getDb();
    const [row] = await db.select().from(agencies).where(eq(agencies.code, code));
    expect(row).toMatchObject({ name: "Bidang Uji Baru", kind: "unit", parentId: tree.agencyA.id, path: `${tree.agencyA.path}${row!.id}/` });
    expect(await auditEntries("agency.create", row!.id)).toMatchObject([{ actorId: admin.id, details: { code, parentId: tree.agencyA.id } }]);

    const dup = await run(agenciesAction, post("/admin/instansi", { ...fields, name: "Kembar" }, admin.cookie));
    expect(dup.status).toBe(400);
    expect(await dup.json()).toMatchObject({ ok: false, errors: { code: "admin.agencies.codeTaken" }, values: { name: "Kembar", code: code.toLowerCase() } });

    const bad = await run(agenciesAction, post("/admin/instansi", { ...fields, name: "", code: "spasi tidak boleh", kind: "desa" }, admin.cookie));
    expect((await bad.json()).errors).toEqual({ name: "error.required", code: "admin.agencies.codeFormat", kind: "admin.invalidChoice" });
  });

  it("lists the whole tree for the admin", async () => {
    const body = await (await run(agenciesLoader, get("/admin/instansi", admin.cookie))).json();
    const ids = body.agencies.map((a: { id: string }) => a.id);
    expect(ids).toEqual(expect.arrayContaining([tree.provA.id, tree.unitA.id, tree.provB.id, tree.unitB.id]));
  });

  it("renames with an audit entry and keeps the typed name on error", async () => {
    const db = await getDb();
    const unit = await createAgency(db, { code: `R-${Date.now()}`, name: "Bidang Lama", kind: "unit", parentId: tree.agencyB.id });
    const res = await run(agenciesAction, post("/admin/instansi", { intent: "rename", agencyId: unit.id, name: "  Bidang Baru  " }, admin.cookie));
    expect(res.status).toBe(200);
    expect((await getAgency(db, unit.id))!.name).toBe("Bidang Baru");
    expect(await auditEntries("agency.rename", unit.id)).toMatchObject([{ actorId: admin.id, details: { from: "Bidang Lama", to: "Bidang Baru" } }]);

    const empty = await run(agenciesAction, post("/admin/instansi", { intent: "rename", agencyId: unit.id, name: "   " }, admin.cookie));
    expect(empty.status).toBe(400);
    expect(await empty.json()).toMatchObject({ intent: "rename", agencyId: unit.id, errors: { name: "error.required" } });
    expect((await getAgency(db, unit.id))!.name).toBe("Bidang Baru");

    const missing = await run(agenciesAction, post("/admin/instansi", { intent: "rename", agencyId: "tidak-ada", name: "X" }, admin.cookie));
    expect(missing.status).toBe(404);
  });

  it("moves a subtree: every path is rewritten, the moved manager keeps access and the old parent's manager loses it", async () => {
    const db = await getDb();
    const t = await createTwoAgencies();
    const section = await createAgency(db, { code: `S-${Date.now()}`, name: "Seksi A1a", kind: "unit", parentId: t.unitA.id });
    const learner = await createAccount(section.id, "learner", "Lestari Di Seksi");
    const unitManager = await signedIn(t.unitA.id, "manager");
    const oldParentManager = await signedIn(t.agencyA.id, "manager");
    const newParentManager = await signedIn(t.agencyB.id, "manager");
    const detail = (cookie: string) => run(userDetailLoader, get(`/kelola/pengguna/${learner.id}`, cookie), { id: learner.id });
    const names = async (cookie: string) =>
      (await (await run(usersInScopeLoader, get("/kelola/pengguna", cookie))).json()).users.map((u: { name: string }) => u.name);

    expect((await detail(oldParentManager.cookie)).status).toBe(200);
    expect((await detail(newParentManager.cookie)).status).toBe(404);

    const res = await move(t.unitA.id, t.agencyB.id);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, done: { key: "admin.agencies.moved", name: t.unitA.name } });

    const unitA = (await getAgency(db, t.unitA.id))!;
    const moved = (await getAgency(db, section.id))!;
    expect(unitA).toMatchObject({ parentId: t.agencyB.id, path: `${t.agencyB.path}${t.unitA.id}/` });
    expect(moved).toMatchObject({ parentId: t.unitA.id, path: `${t.agencyB.path}${t.unitA.id}/${section.id}/` });
    // Agencies outside the subtree are untouched.
    expect((await getAgency(db, t.agencyA.id))!.path).toBe(t.agencyA.path);
    expect((await getAgency(db, t.unitB.id))!.path).toBe(t.unitB.path);

    // Existing sessions follow the move at once: scoping reads the current path.
    expect((await detail(unitManager.cookie)).status).toBe(200);
    expect(await names(unitManager.cookie)).toContain("Lestari Di Seksi");
    expect((await detail(oldParentManager.cookie)).status).toBe(404);
    expect(await names(oldParentManager.cookie)).not.toContain("Lestari Di Seksi");
    expect((await detail(newParentManager.cookie)).status).toBe(200);

    expect(await auditEntries("agency.move", t.unitA.id)).toMatchObject([
      { actorId: admin.id, details: { fromParentId: t.agencyA.id, toParentId: t.agencyB.id, subtreeSize: 2 } },
    ]);
  });

  it("refuses to move an agency under itself or its own descendants", async () => {
    const db = await getDb();
    const t = await createTwoAgencies();
    for (const target of [t.unitA.id, t.agencyA.id]) {
      const res = await move(t.agencyA.id, target);
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ ok: false, intent: "move", agencyId: t.agencyA.id, errors: { parentId: "admin.agencies.cycle" } });
    }
    const res = await move(t.provA.id, t.unitA.id);
    expect((await res.json()).errors).toEqual({ parentId: "admin.agencies.cycle" });
    expect(await getAgency(db, t.agencyA.id)).toMatchObject({ parentId: t.provA.id, path: t.agencyA.path });
    expect(await getAgency(db, t.unitA.id)).toMatchObject({ path: t.unitA.path });
    expect(await auditEntries("agency.move", t.agencyA.id)).toEqual([]);
  });

  it("moves a subtree to the top level", async () => {
    const db = await getDb();
    const t = await createTwoAgencies();
    expect((await move(t.agencyA.id, "")).status).toBe(200);
    expect(await getAgency(db, t.agencyA.id)).toMatchObject({ parentId: null, path: `/${t.agencyA.id}/` });
    expect((await getAgency(db, t.unitA.id))!.path).toBe(`/${t.agencyA.id}/${t.unitA.id}/`);
  });
});

describe("user accounts", () => {
  const save = (fields: Record<string, string>, cookie = admin.cookie) => run(usersAction, post("/admin/pengguna", fields, cookie));

  it("lists and searches every agency's users", async () => {
    const a = await createAccount(tree.unitA.id, "learner", "Yohana Dari A");
    const b = await createAccount(tree.unitB.id, "learner", "Yohana Dari B");
    const body = await (await run(usersLoader, get("/admin/pengguna?q=yohana", admin.cookie))).json();
    expect(body.users.map((u: { id: string }) => u.id).sort()).toEqual([a.id, b.id].sort());
    expect(body.total).toBe(2);
  });

  it("a role change ends every session of the user, with an audit entry", async () => {
    const learner = await signedIn(tree.unitA.id, "learner");
    const second = await sessionCookieFor(learner.email);
    expect((await getUser(get("/", learner.cookie)))?.role).toBe("learner");
    expect(await sessionCount(learner.id)).toBe(2);

    const res = await save({ userId: learner.id, role: "instructor", agencyId: learner.agencyId });
    expect(res.status).toBe(200);
    expect((await res.json()).done).toBe("admin.users.saved");
    expect(await getUser(get("/", learner.cookie))).toBeNull();
    expect(await getUser(get("/", second))).toBeNull();
    expect(await sessionCount(learner.id)).toBe(0);
    expect(await auditEntries("user.update", learner.id)).toMatchObject([{ actorId: admin.id, details: { role: { from: "learner", to: "instructor" } } }]);

    // Signing in again gives a session with the new role.
    expect((await getUser(get("/", await sessionCookieFor(learner.email))))?.role).toBe("instructor");
  });

  it("an agency change ends the sessions too; saving without changes keeps them", async () => {
    const learner = await signedIn(tree.unitA.id, "learner");
    const same = await save({ userId: learner.id, role: "learner", agencyId: tree.unitA.id });
    expect((await same.json()).done).toBe("admin.users.unchanged");
    expect(await getUser(get("/", learner.cookie))).not.toBeNull();

    await save({ userId: learner.id, role: "learner", agencyId: tree.unitB.id });
    expect(await getUser(get("/", learner.cookie))).toBeNull();
    expect(await auditEntries("user.update", learner.id)).toMatchObject([{ details: { agencyId: { from: tree.unitA.id, to: tree.unitB.id } } }]);
  });

  it("a disabled user is signed out everywhere and cannot sign in again until re-enabled", async () => {
    const learner = await signedIn(tree.unitA.id, "learner");
    const res = await save({ userId: learner.id, role: "learner", agencyId: learner.agencyId, disabled: "on" });
    expect(res.status).toBe(200);
    const db = await getDb();
    expect((await db.select({ disabled: users.disabled }).from(users).where(eq(users.id, learner.id)))[0]!.disabled).toBe(true);

    expect(await getUser(get("/", learner.cookie))).toBeNull();
    expect((await run(homeLoader, get("/admin", learner.cookie))).status).toBe(302);
    expect(await signIn(get("/masuk"), learner.email, TEST_PASSWORD)).toEqual({ ok: false });
    const viaForm = await run(signInAction, post("/masuk", { email: learner.email, password: TEST_PASSWORD }));
    expect(viaForm.status).toBe(401);
    expect(viaForm.headers.get("set-cookie")).toBeNull();
    expect(await sessionCount(learner.id)).toBe(0);
    expect(await auditEntries("user.disable", learner.id)).toMatchObject([{ actorId: admin.id, details: { disabled: { from: false, to: true } } }]);

    await save({ userId: learner.id, role: "learner", agencyId: learner.agencyId });
    expect(await auditEntries("user.enable", learner.id)).toHaveLength(1);
    expect((await signIn(get("/masuk"), learner.email, TEST_PASSWORD)).ok).toBe(true);
  });

  it("keeps the submitted values on a bad choice, and an admin cannot lock themselves out", async () => {
    const learner = await createAccount(tree.unitA.id, "learner");
    const bad = await save({ userId: learner.id, role: "raja", agencyId: "tidak-ada" });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({
      ok: false,
      userId: learner.id,
      errors: { role: "admin.invalidChoice" },
      values: { role: "raja", agencyId: "tidak-ada" },
    });
    const unknownAgency = await save({ userId: learner.id, role: "manager", agencyId: "tidak-ada" });
    expect((await unknownAgency.json()).errors).toEqual({ agencyId: "admin.invalidChoice" });

    const demote = await save({ userId: admin.id, role: "manager", agencyId: tree.provA.id });
    expect((await demote.json()).errors).toEqual({ role: "admin.users.selfLockout" });
    const disableSelf = await save({ userId: admin.id, role: "admin", agencyId: tree.provA.id, disabled: "on" });
    expect((await disableSelf.json()).errors).toEqual({ disabled: "admin.users.selfLockout" });
    expect((await getUser(get("/", admin.cookie)))?.role).toBe("admin");

    expect((await save({ userId: "tidak-ada", role: "learner", agencyId: tree.unitA.id })).status).toBe(404);
  });
});

describe("audit log", () => {
  it("shows actor, action, target and details, newest first, 50 a page, filtered by action", async () => {
    const db = await getDb();
    const learner = await createAccount(tree.unitB.id, "learner", "Sasaran Audit");
    const action = `test.page-${Date.now()}`;
    for (let i = 0; i < 53; i++) await audit(db, { actorId: admin.id, action, targetType: "user", targetId: learner.id, details: { i } });

    const page1 = await (await run(auditLoader, get(`/admin/audit?aksi=${action}`, admin.cookie))).json();
    expect(page1).toMatchObject({ total: 53, page: 1, pageCount: 2, action });
    expect(page1.entries).toHaveLength(50);
    expect(page1.entries[0]).toMatchObject({ action, actorName: "Admin Uji", targetType: "user", targetLabel: "Sasaran Audit", details: { i: 52 } });
    expect(page1.entries[49].details).toEqual({ i: 3 });
    expect(page1.actions).toEqual(expect.arrayContaining([action, "user.create"]));

    const page2 = await (await run(auditLoader, get(`/admin/audit?aksi=${action}&halaman=2`, admin.cookie))).json();
    expect(page2.entries.map((e: { details: { i: number } }) => e.details.i)).toEqual([2, 1, 0]);

    const all = await (await run(auditLoader, get("/admin/audit?halaman=abc", admin.cookie))).json();
    expect(all.page).toBe(1);
    expect(all.total).toBeGreaterThan(53);
  });

  it("names agencies as targets", async () => {
    const t = await createTwoAgencies();
    await run(agenciesAction, post("/admin/instansi", { intent: "rename", agencyId: t.unitB.id, name: "Bidang Bernama Baru" }, admin.cookie));
    const body = await (await run(auditLoader, get("/admin/audit?aksi=agency.rename", admin.cookie))).json();
    expect(body.entries[0]).toMatchObject({
      action: "agency.rename",
      targetType: "agency",
      targetLabel: "Bidang Bernama Baru",
      details: { from: "Bidang B1", to: "Bidang Bernama Baru" },
    });
  });
});
