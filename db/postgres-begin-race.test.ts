import postgres from "postgres";
import { describe, expect, inject, it } from "vitest";

/**
 * postgres.js 3.4.9 can send a transaction's BEGIN without reserving its connection
 * (porsager/postgres#823, #1189; unreleased fixes #1207/#1218): when BEGIN is the query that
 * fills a connection's pipeline, `execute()` short-circuits before the hook that reserves it,
 * and the connection goes back to the pool while PostgreSQL holds the transaction open — other
 * requests' statements then run (and commit) inside it, or the driver throws UNSAFE_TRANSACTION
 * (a 500 under load). db/patches/postgres+3.4.9.patch runs the hook whenever BEGIN was written,
 * and keeps a reserved connection out of the pool when its socket drains. This reproduces the
 * report's case (every connection busy, plain queries and transactions arriving together, a
 * short pipeline) against the real server; without the patch most rounds fail.
 */
describe.skipIf(!inject("pgTemplate"))("postgres.js transactions under a full pipeline", () => {
  it("every transaction gets a connection of its own", async () => {
    // max_pipeline (default 100) is a driver option its types leave out: a short pipeline fills fast.
    const options = { max: 3, max_pipeline: 2, onnotice: () => {} };
    const sql = postgres(process.env.DATABASE_URL!, options);
    try {
      const failures: string[] = [];
      for (let round = 0; round < 8; round++) {
        // `.execute()` sends at once (a tagged query waits for the next tick, after the BEGINs):
        // each connection runs a sleep with one plain query queued behind it, so the next
        // statement sent on it — a BEGIN — fills its pipeline.
        const busy = [0, 1, 2].map(() => sql`select pg_sleep(0.05)`.execute());
        const plain = Array.from({ length: 3 }, (_, i) => sql`select ${i}::int as n`.execute());
        const transactions = Array.from({ length: 5 }, (_, i) =>
          sql.begin(async (tx) => {
            const [row] = await tx<{ n: number; xact: string }[]>`select ${i}::int as n, txid_current()::text as xact`;
            const [again] = await tx<{ xact: string }[]>`select txid_current()::text as xact`;
            // Both statements in one transaction: the same transaction id.
            if (row!.xact !== again!.xact) throw new Error(`transaction ${i} ran on two connections`);
            return row!.n;
          }),
        );
        const settled = await Promise.allSettled([...busy, ...plain, ...transactions]);
        for (const s of settled) if (s.status === "rejected") failures.push(`round ${round}: ${String((s.reason as Error).message)}`);
      }
      expect(failures).toEqual([]);
    } finally {
      await sql.end({ timeout: 5 });
    }
  });
});
