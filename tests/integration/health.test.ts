import { afterEach, describe, expect, it } from "vitest";
import { loader as healthLoader } from "~/routes/healthz";
import { closeDb, openDatabase, setDbFactory } from "~/utils/db.server";

describe("/healthz", () => {
  afterEach(async () => {
    await closeDb();
  });

  it("answers 200 with db ok when the database answers", async () => {
    setDbFactory(() => openDatabase({ url: process.env.DATABASE_URL, migrate: false }));
    const res = await healthLoader();
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ db: "ok" });
  });

  it("answers 503 when the database does not", async () => {
    // Nothing listens on port 1: the connection is refused.
    setDbFactory(() => openDatabase({ url: "postgres://postgres@127.0.0.1:1/none", migrate: false }));
    const res = await healthLoader();
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ db: "down" });
  });
});
