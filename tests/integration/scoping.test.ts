import { beforeAll, describe, expect, it } from "vitest";
import { loader as listLoader } from "~/routes/kelola.pengguna._index";
import { loader as detailLoader } from "~/routes/kelola.pengguna.$id";
import { action as createAction, loader as newLoader } from "~/routes/kelola.pengguna.baru";
import { createAccount, createTwoAgencies, get, post, run, sessionCookieFor } from "../setup/factories";

type Tree = Awaited<ReturnType<typeof createTwoAgencies>>;
let tree: Tree;
let managerA: string, managerB: string, admin: string, learnerA: string;
let learnerAId: string, learnerBId: string;

beforeAll(async () => {
  tree = await createTwoAgencies();
  managerA = await sessionCookieFor((await createAccount(tree.agencyA.id, "manager")).email);
  managerB = await sessionCookieFor((await createAccount(tree.agencyB.id, "manager")).email);
  admin = await sessionCookieFor((await createAccount(tree.provA.id, "admin")).email);
  const la = await createAccount(tree.unitA.id, "learner", "Rina Dari A");
  learnerAId = la.id;
  learnerA = await sessionCookieFor(la.email);
  learnerBId = (await createAccount(tree.unitB.id, "learner", "Budi Dari B")).id;
});

describe("role checks", () => {
  it("sends anonymous visitors to sign-in and refuses learners with 403", async () => {
    const anon = await run(listLoader, get("/kelola/pengguna"));
    expect(anon.status).toBe(302);
    expect(anon.headers.get("location")).toBe("/masuk?ke=%2Fkelola%2Fpengguna");
    expect((await run(listLoader, get("/kelola/pengguna", learnerA))).status).toBe(403);
    expect((await run(createAction, post("/kelola/pengguna/baru", {}, learnerA))).status).toBe(403);
  });
});

describe("agency scoping", () => {
  it("lists only the manager's own subtree", async () => {
    const names = (await (await run(listLoader, get("/kelola/pengguna", managerA))).json()).users.map((u: { name: string }) => u.name);
    expect(names).toContain("Rina Dari A");
    expect(names).not.toContain("Budi Dari B");
    const namesB = (await (await run(listLoader, get("/kelola/pengguna", managerB))).json()).users.map((u: { name: string }) => u.name);
    expect(namesB).toContain("Budi Dari B");
    expect(namesB).not.toContain("Rina Dari A");
  });

  it("answers 404 for another agency's user and 200 for one's own; admin sees both", async () => {
    expect((await run(detailLoader, get(`/kelola/pengguna/${learnerAId}`, managerB), { id: learnerAId })).status).toBe(404);
    expect((await run(detailLoader, get(`/kelola/pengguna/${learnerAId}`, managerA), { id: learnerAId })).status).toBe(200);
    expect((await run(detailLoader, get(`/kelola/pengguna/${learnerBId}`, admin), { id: learnerBId })).status).toBe(200);
  });

  it("offers only units in the subtree and refuses creating accounts outside it", async () => {
    const options = await (await run(newLoader, get("/kelola/pengguna/baru", managerA))).json();
    const ids = options.agencies.map((a: { id: string }) => a.id);
    expect(ids).toEqual(expect.arrayContaining([tree.agencyA.id, tree.unitA.id]));
    expect(ids).not.toContain(tree.unitB.id);
    expect(options.roles).not.toContain("admin");

    const fields = { name: "Penyusup", email: "penyusup@uji.sigap.id", nip: "", agencyId: tree.unitB.id, role: "learner", password: "kopi-tubruk-sore-77" };
    const res = await run(createAction, post("/kelola/pengguna/baru", fields, managerA));
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.errors).toEqual({ agencyId: "error.agencyScope" });
    expect(body.values).toMatchObject({ name: "Penyusup", email: "penyusup@uji.sigap.id" });

    const escalate = await run(createAction, post("/kelola/pengguna/baru", { ...fields, agencyId: tree.unitA.id, role: "admin" }, managerA));
    expect((await escalate.json()).errors).toEqual({ role: "error.roleScope" });
  });
});

describe("creating accounts", () => {
  it("creates a learner in the subtree and reports duplicates and a bad NIP with the typed values kept", async () => {
    const fields = {
      name: "Wulan Sari",
      email: "wulan@uji.sigap.id",
      nip: "198507122010012003",
      agencyId: tree.unitA.id,
      role: "learner",
      password: "kopi-tubruk-sore-77",
    };
    const ok = await run(createAction, post("/kelola/pengguna/baru", fields, managerA));
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ ok: true, email: "wulan@uji.sigap.id" });

    const dup = await run(createAction, post("/kelola/pengguna/baru", { ...fields, nip: "" }, managerA));
    expect((await dup.json()).errors).toEqual({ email: "error.emailTaken" });
    const dupNip = await run(createAction, post("/kelola/pengguna/baru", { ...fields, email: "lain@uji.sigap.id" }, managerA));
    expect((await dupNip.json()).errors).toEqual({ nip: "error.nipTaken" });

    const badNip = await run(createAction, post("/kelola/pengguna/baru", { ...fields, email: "x@uji.sigap.id", nip: "12345" }, managerA));
    const body = await badNip.json();
    expect(body.errors).toEqual({ nip: "error.nip" });
    expect(body.values.nip).toBe("12345");
  });
});
