/**
 * pg-boss's database seam (`{ executeSql(text, values) }`, pg-boss 10) for the two things Sigap
 * hands it besides a PostgreSQL URL (decision 019): the embedded PGlite, and the caller's drizzle
 * transaction, so a job is sent in the same transaction as its message row.
 */
import type { PGlite } from "@electric-sql/pglite";
import { sql, type SQL } from "drizzle-orm";
import type PgBoss from "pg-boss";
import type { Db } from "~/utils/db.server";

/**
 * PGlite is one connection. `query()` runs one statement with parameters; pg-boss's schema and
 * locked maintenance blocks are parameterless multi-statement texts (BEGIN … COMMIT), which go
 * through `exec()`. Both wait on PGlite's transaction lock, so pg-boss never runs inside a
 * request's transaction. A failed statement inside such a block would leave the connection in an
 * aborted transaction, so it is rolled back before the error goes on (as a pool would hand out a
 * fresh connection).
 */
export function pgBossOnPglite(pglite: PGlite): PgBoss.Db {
  return {
    async executeSql(text: string, values?: unknown[]) {
      try {
        if (values?.length) return await pglite.query(text, values.map(plain));
        const results = await pglite.exec(text);
        return { rows: results.flatMap((r) => r.rows ?? []) };
      } catch (error) {
        await pglite.query("ROLLBACK").catch(() => {});
        throw error;
      }
    },
  };
}

/** A drizzle transaction (either engine) as pg-boss's db: `$n` placeholders become drizzle parameters. */
export function pgBossOnDrizzle(tx: Db): PgBoss.Db {
  return {
    async executeSql(text: string, values: unknown[] = []) {
      const chunks: SQL[] = [];
      const parts = text.split(/\$(\d+)/);
      parts.forEach((part, i) => chunks.push(i % 2 === 0 ? sql.raw(part) : sql`${plain(values[Number(part) - 1])}`));
      const result = (await tx.execute(sql.join(chunks))) as unknown as { rows?: unknown[] } | unknown[];
      return { rows: Array.isArray(result) ? result : (result.rows ?? []) };
    },
  };
}

/** Parameters as both drivers take them: no undefined (postgres.js refuses it), JSON as text (the SQL casts it). */
function plain(value: unknown): unknown {
  if (value === undefined) return null;
  if (value !== null && typeof value === "object" && !(value instanceof Date) && !Array.isArray(value) && !Buffer.isBuffer(value)) return JSON.stringify(value);
  return value;
}
