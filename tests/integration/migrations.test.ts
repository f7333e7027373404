import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb, getEngine } from "~/utils/db.server";

describe("migrations", () => {
  it("creates every table on the engine under test", async () => {
    const db = await getDb();
    const rows = await db.execute<{ table_name: string }>(
      sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
    );
    const names = (rows as unknown as { rows?: { table_name: string }[] }).rows ?? (rows as unknown as { table_name: string }[]);
    expect(names.map((r) => r.table_name)).toEqual(expect.arrayContaining(["agencies", "users", "sessions", "rate_limits", "audit_log"]));
    expect(await getEngine()).toBe(process.env.DATABASE_URL ? "postgres" : "pglite");
  });
});
