import { eq, like, sql } from "drizzle-orm";
import { describe, expect, inject, it } from "vitest";
import { agencies, users } from "../../db/schema";
import { getDb, queryRows, worthPreparing } from "~/utils/db.server";
import { createTwoAgencies } from "../setup/factories";

describe("which statements are prepared", () => {
  it("keyed statements with parameters, not utility statements, long parameter lists or LIKE filters", () => {
    expect(worthPreparing(`select "id" from "users" where "users"."email" = $1 limit $2`, ["a@b.id", 1])).toBe(true);
    expect(worthPreparing("set local plan_cache_mode to default", [])).toBe(false);
    expect(worthPreparing(`create table "x" ("id" text)`, undefined)).toBe(false);
    const many = Array.from({ length: 65 }, (_, i) => i);
    expect(worthPreparing(`select 1 where 1 in (${many.map((i) => `$${i + 1}`).join(", ")})`, many)).toBe(false);
    expect(worthPreparing(`select "id" from "agencies" where "agencies"."path" like $1`, ["/1/%"])).toBe(false);
    expect(worthPreparing(`select "id" from "users" where "users"."name" ilike $1`, ["%a%"])).toBe(false);
  });
});

describe.skipIf(!inject("pgTemplate"))("prepared statements on PostgreSQL (PGlite has no named statements to look at)", () => {
  it("drizzle's keyed queries are named statements of the connection, LIKE filters are not", async () => {
    const { unitA } = await createTwoAgencies();
    const db = await getDb();
    // One transaction: one connection, whose pg_prepared_statements we read.
    const prepared = await db.transaction(async (tx) => {
      await tx.select({ id: agencies.id }).from(agencies).where(eq(agencies.id, unitA.id));
      await tx
        .select({ id: agencies.id })
        .from(agencies)
        .where(like(agencies.path, `${unitA.path}%`));
      await tx.select({ id: users.id }).from(users).where(eq(users.agencyId, unitA.id));
      return queryRows<{ statement: string }>(tx, sql`select statement from pg_prepared_statements`);
    });
    const texts = prepared.map((p) => p.statement);
    expect(texts.some((t) => /from "agencies" where "agencies"\."id" = \$1/.test(t))).toBe(true);
    expect(texts.some((t) => /from "users" where "users"\."agency_id" = \$1/.test(t))).toBe(true);
    expect(texts.some((t) => /"agencies"\."path" like/.test(t))).toBe(false);
  });
});
