/**
 * `npm run build && DATABASE_URL=postgres://… npm run bench:load-attempts [-- --restart-postgres]`
 *
 * 200 simulated learners against the production build on the real PostgreSQL server, in a fresh
 * database `sigap_load_<pid>` (dropped at the end). Each signs in through the real form, reads the
 * lessons of "Tata Kelola Media Sosial", marks them complete, plays the DM exercise with the
 * model answers, answers the final quiz (which issues the certificate), submits a hoax-lab case,
 * and opens "my certificates" — like a browser without JavaScript: urlencoded posts with an Origin
 * header (the load itself is in learner-load.ts). Some forms are deliberately sent twice at once (same idempotency key). Every response
 * the clients saw as accepted (a redirect) is recorded; afterwards the database must hold each
 * accepted submission exactly once, nothing the clients did not see, and at most one current
 * certificate per learner and course, matching what each learner's certificate page showed.
 *
 * `--restart-postgres` (or BENCH_RESTART_PG=1) restarts the cluster in the middle with
 * `pg_ctlcluster --skip-systemctl-redirect $PG_VERSION $PG_CLUSTER restart` (`--outage-seconds=N`:
 * stop, wait N s, start). During the outage every answer must be the translated 503 page (form
 * posts: with the form kept, which the client then sends again), /healthz must say 503, and the
 * app must recover by itself. Exit 0 when all of that holds, 1 otherwise.
 *
 * Knobs: BENCH_LEARNERS (200), BENCH_PORT (3411), BENCH_MAX_SECONDS (150), BENCH_RESTART_AFTER
 * (requests before the restart, 1500), PG_CLUSTER (main), PG_VERSION (from /etc/postgresql).
 */
import { readdirSync } from "node:fs";
import postgres from "postgres";
import { createAgency } from "../../app/models/agency.server";
import { createUser } from "../../app/models/user.server";
import { closeDb, getDb, openDatabase, setDbFactory } from "../../app/utils/db.server";
import { hashPassword } from "../../app/utils/password.server";
import { checkDatabase, PASSWORD, runLoad } from "./learner-load";
import { scratchDatabase, startServer } from "./server";

const LEARNERS = Number(process.env.BENCH_LEARNERS ?? 200);
const PORT = Number(process.env.BENCH_PORT ?? 3411);
const MAX_SECONDS = Number(process.env.BENCH_MAX_SECONDS ?? 150);
const RESTART = process.argv.includes("--restart-postgres") || process.env.BENCH_RESTART_PG === "1";
const OUTAGE_SECONDS = Number(process.argv.find((a) => a.startsWith("--outage-seconds="))?.split("=")[1] ?? process.env.BENCH_OUTAGE_SECONDS ?? 0);
const RESTART_AFTER = Number(process.env.BENCH_RESTART_AFTER ?? 1500);
const PG_CLUSTER = process.env.PG_CLUSTER ?? "main";
const PG_VERSION = process.env.PG_VERSION ?? readdirSync("/etc/postgresql").sort().at(-1)!;

const hostname = new URL(process.env.DATABASE_URL ?? "postgres://127.0.0.1").hostname;
if (!["127.0.0.1", "localhost", "::1", "[::1]"].includes(hostname)) {
  console.error("Loopback only: DATABASE_URL must point at 127.0.0.1/localhost.");
  process.exit(2);
}

// ---- a fresh database, the production server on it, 200 learners created through the models ----
const scratch = await scratchDatabase("sigap_load");
const sqlc = postgres(scratch.url, { max: 2, onnotice: () => {} });

let exitCode = 1;
let server: Awaited<ReturnType<typeof startServer>> | null = null;
try {
  const t0 = Date.now();
  server = await startServer(PORT, { DATABASE_URL: scratch.url });
  setDbFactory(() => openDatabase({ url: scratch.url, max: 4 }));
  const db = await getDb();
  const agency = await createAgency(db, { code: `LOAD-${process.pid}`, name: "Dinas Uji Beban", kind: "agency" });
  const passwordHash = await hashPassword(PASSWORD);
  const learners: { id: string; email: string }[] = [];
  for (let i = 0; i < LEARNERS; i++) {
    const u = await createUser(db, {
      name: `Peserta Beban ${i + 1}`,
      email: `beban${i + 1}@load.sigap.id`,
      nip: null,
      agencyId: agency.id,
      role: "learner",
      passwordHash,
    });
    learners.push({ id: u.id, email: u.email });
  }
  await closeDb();
  console.log(
    `setup ${((Date.now() - t0) / 1000).toFixed(1)} s: database ${scratch.name}, ${LEARNERS} learners, server on :${PORT}${RESTART ? `, PostgreSQL ${PG_VERSION}/${PG_CLUSTER} restarts after ${RESTART_AFTER} requests` : ""}`,
  );

  const result = await runLoad(server.base, learners, {
    maxSeconds: MAX_SECONDS,
    restart: RESTART ? { after: RESTART_AFTER, outageSeconds: OUTAGE_SECONDS, pgVersion: PG_VERSION, pgCluster: PG_CLUSTER } : undefined,
  });
  exitCode = (await checkDatabase(sqlc, learners, result)) && result.clean ? 0 : 1;
} catch (error) {
  console.error(error);
} finally {
  await server?.stop();
  await sqlc.end({ timeout: 2 });
  await scratch.drop();
}
console.log(exitCode === 0 ? "PASS" : "FAIL");
process.exit(exitCode);
