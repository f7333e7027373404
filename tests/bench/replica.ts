/**
 * `npm run build && npm run bench:replica` (as root, on a machine with the Debian PostgreSQL
 * packages; DATABASE_URL is not used: the bench makes its own clusters)
 *
 * A real streaming replica: a primary cluster `sigap_rp` (port 5442) made with pg_createcluster,
 * and a hot standby `sigap_rr` (port 5443) filled by `pg_basebackup -R -X stream` from it. The
 * production build runs on the primary with DATABASE_REPLICA_URL pointing at the standby. Then,
 * at the same time:
 *   - learners write: the learner load of `bench:load-attempts` (BENCH_LEARNERS, 60) — sign-in,
 *     lessons, DM, final quiz, hoax lab — checked for integrity afterwards;
 *   - managers read reports (BENCH_MANAGERS, 4, in a loop until the learners are done): the
 *     dashboard, the learner table, the CSV and XLSX exports, the JP ledger and a public
 *     certificate verification.
 * pg_stat_database of the `sigap` database on each cluster, before and after, shows where the
 * reads went (rows returned, transactions); the replay lag is sampled on the primary. A manager
 * who posts a form then reads from the primary for READ_YOUR_WRITES_SECONDS: checked too (the
 * replica is paused for it, so only the primary can show the new assignment at once).
 * Exit 1 when a report answer is not 200, the standby served fewer transactions than reports were
 * read, the learners' data is not intact, or read-your-writes fails. Both clusters are dropped at
 * the end, also on failure.
 *
 * Knobs: BENCH_LEARNERS (60), BENCH_MANAGERS (4), BENCH_PORT (3451), PG_VERSION.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { readdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import postgres from "postgres";
import { createUser } from "../../app/models/user.server";
import { closeDb, getDb, openDatabase, setDbFactory } from "../../app/utils/db.server";
import { hashPassword } from "../../app/utils/password.server";
import { Browser, percentile, routeTable } from "./client";
import { checkDatabase, PASSWORD, runLoad, type Learner } from "./learner-load";
import { signInCookie, startServer } from "./server";

const LEARNERS = Number(process.env.BENCH_LEARNERS ?? 60);
const MANAGERS = Number(process.env.BENCH_MANAGERS ?? 4);
const PORT = Number(process.env.BENCH_PORT ?? 3451);
const PG_VERSION = process.env.PG_VERSION ?? readdirSync("/etc/postgresql").sort().at(-1)!;
const PRIMARY = { name: "sigap_rp", port: 5442 };
const REPLICA = { name: "sigap_rr", port: 5443 };
const url = (port: number, db = "sigap") => `postgres://postgres@127.0.0.1:${port}/${db}`;

function run(cmd: string, args: string[]) {
  const r = spawnSync(cmd, args, { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")}: ${r.stderr || r.stdout}`);
  return r.stdout;
}
const asPostgres = (cmd: string, args: string[]) => run("runuser", ["-u", "postgres", "--", cmd, ...args]);
const bin = (name: string) => `/usr/lib/postgresql/${PG_VERSION}/bin/${name}`;

function dropClusters() {
  for (const c of [REPLICA, PRIMARY]) spawnSync("pg_dropcluster", [PG_VERSION, c.name, "--stop"], { stdio: "ignore" });
}

type DbStats = { xact: number; returned: number; fetched: number; inserted: number; updated: number };
async function stats(port: number): Promise<DbStats> {
  const sql = postgres(url(port, "postgres"), { max: 1, onnotice: () => {} });
  try {
    // pg_stat_database counts per server: the standby's numbers are its own reads.
    const [row] = await sql<DbStats[]>`
      select (xact_commit + xact_rollback)::float8 as xact, tup_returned::float8 as returned, tup_fetched::float8 as fetched,
             tup_inserted::float8 as inserted, tup_updated::float8 as updated
      from pg_stat_database where datname = 'sigap'`;
    return row!;
  } finally {
    await sql.end();
  }
}
const delta = (a: DbStats, b: DbStats) => Object.fromEntries(Object.entries(b).map(([k, v]) => [k, v - a[k as keyof DbStats]])) as DbStats;
const fmt = (s: DbStats) =>
  `transactions ${s.xact.toLocaleString("en")}, rows returned ${s.returned.toLocaleString("en")} (index fetches ${s.fetched.toLocaleString("en")}), rows written ${(s.inserted + s.updated).toLocaleString("en")}`;

if (spawnSync("pg_createcluster", ["--help"]).status === null) {
  console.error("pg_createcluster is missing (Debian postgresql-common)");
  process.exit(2);
}

const problems: string[] = [];
let server: Awaited<ReturnType<typeof startServer>> | null = null;
try {
  dropClusters(); // leftovers of an interrupted run
  const t0 = performance.now();
  // ---- primary: its own cluster, trust on loopback (this machine only), replication allowed ----
  run("pg_createcluster", [PG_VERSION, PRIMARY.name, "-p", String(PRIMARY.port), "--", "--auth-local=trust", "--auth-host=trust"]);
  const trustLoopback = (cluster: string) =>
    writeFileSync(
      `/etc/postgresql/${PG_VERSION}/${cluster}/pg_hba.conf`,
      "local all all trust\nhost all all 127.0.0.1/32 trust\nlocal replication all trust\nhost replication all 127.0.0.1/32 trust\n",
    );
  trustLoopback(PRIMARY.name);
  run("pg_ctlcluster", [
    "--skip-systemctl-redirect",
    PG_VERSION,
    PRIMARY.name,
    "start",
    "-o",
    "-c listen_addresses=127.0.0.1 -c wal_level=replica -c max_wal_senders=4",
  ]);
  execFileSync("createdb", ["-h", "127.0.0.1", "-p", String(PRIMARY.port), "-U", "postgres", "sigap"]);

  // ---- standby: a new cluster whose data directory is a base backup of the primary ----
  run("pg_createcluster", [PG_VERSION, REPLICA.name, "-p", String(REPLICA.port)]);
  trustLoopback(REPLICA.name);
  const dataDir = `/var/lib/postgresql/${PG_VERSION}/${REPLICA.name}`;
  asPostgres("find", [dataDir, "-mindepth", "1", "-delete"]);
  asPostgres(bin("pg_basebackup"), ["-h", "127.0.0.1", "-p", String(PRIMARY.port), "-U", "postgres", "-D", dataDir, "-R", "-X", "stream", "-c", "fast"]);
  run("pg_ctlcluster", ["--skip-systemctl-redirect", PG_VERSION, REPLICA.name, "start", "-o", "-c listen_addresses=127.0.0.1 -c hot_standby=on"]);
  const standby = postgres(url(REPLICA.port, "postgres"), { max: 1, onnotice: () => {} });
  const [rec] = await standby<{ r: boolean }[]>`select pg_is_in_recovery() as r`;
  await standby.end();
  if (!rec!.r) throw new Error("the standby is not in recovery");
  console.log(
    `primary ${PRIMARY.name} :${PRIMARY.port}, hot standby ${REPLICA.name} :${REPLICA.port} (pg_basebackup -R, streaming) in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );

  // ---- the app on the primary, reports on the standby ----
  server = await startServer(PORT, { DATABASE_URL: url(PRIMARY.port), DATABASE_REPLICA_URL: url(REPLICA.port), READ_YOUR_WRITES_SECONDS: "10" });
  const primarySql = postgres(url(PRIMARY.port), { max: 2, onnotice: () => {} });
  setDbFactory(() => openDatabase({ url: url(PRIMARY.port), max: 4 }));
  const [unit] = await primarySql<{ id: string }[]>`select id from agencies where code = '16.01.DUKCAPIL.PDP'`;
  const passwordHash = await hashPassword(PASSWORD);
  const db = await getDb();
  const learners: Learner[] = [];
  for (let i = 0; i < LEARNERS; i++) {
    const u = await createUser(db, {
      name: `Peserta Replika ${i + 1}`,
      email: `replika${i + 1}@load.sigap.id`,
      nip: null,
      agencyId: unit!.id,
      role: "learner",
      passwordHash,
    });
    learners.push({ id: u.id, email: u.email });
  }
  await closeDb();
  const [cert] = await primarySql<{ code: string }[]>`select code from certificates where revoked_at is null limit 1`;
  const base = server.base;
  const managerCookies = await Promise.all(Array.from({ length: MANAGERS }, () => signInCookie(base, "manajer@demo.sigap.id")));
  const reports = [
    ["GET /kelola (dashboard)", "/kelola"],
    ["GET /kelola/peserta", "/kelola/peserta"],
    ["GET /kelola/laporan.csv", "/kelola/laporan.csv"],
    ["GET /kelola/laporan.xlsx", "/kelola/laporan.xlsx"],
    ["GET /kelola/jp", "/kelola/jp"],
    ["GET /kelola/jp.csv", "/kelola/jp.csv"],
    ...(cert ? [["GET /sertifikat/<code>", `/sertifikat/${cert.code}`]] : []),
  ] as const;
  // Wait for the standby to have replayed the setup.
  await caughtUp(primarySql);

  const before = { primary: await stats(PRIMARY.port), replica: await stats(REPLICA.port) };
  const readers = new Browser(base);
  let done = false;
  const lag: number[] = [];
  const sampleLag = (async () => {
    while (!done) {
      const rows = await primarySql<{ ms: number | null }[]>`select extract(epoch from replay_lag) * 1000 as ms from pg_stat_replication`;
      if (rows[0]?.ms != null) lag.push(Number(rows[0].ms));
      await new Promise((r) => setTimeout(r, 500));
    }
  })();
  const readLoad = Promise.all(
    managerCookies.map(async (cookie) => {
      while (!done) for (const [route, path] of reports) await readers.request(route, path, { cookie });
    }),
  );
  console.log(
    `load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")}; ${LEARNERS} learners writing, ${MANAGERS} managers reading reports\n`,
  );
  const result = await runLoad(base, learners, { maxSeconds: 300 });
  done = true;
  await Promise.all([readLoad, sampleLag]);
  await caughtUp(primarySql);
  const after = { primary: await stats(PRIMARY.port), replica: await stats(REPLICA.port) };

  console.log(`\nreports read meanwhile (${readers.samples.length} requests):`);
  console.log(routeTable(readers.samples));
  const bad = readers.samples.filter((s) => s.status !== 200);
  if (bad.length) problems.push(`${bad.length} report answers were not 200`);
  const d = { primary: delta(before.primary, after.primary), replica: delta(before.replica, after.replica) };
  console.log(`\nprimary, database sigap: ${fmt(d.primary)}`);
  console.log(`standby, database sigap: ${fmt(d.replica)}`);
  const sortedLag = [...lag].sort((a, b) => a - b);
  console.log(
    `replay lag on the primary (pg_stat_replication, every 0.5 s): p50 ${percentile(sortedLag, 50).toFixed(1)} ms, max ${(sortedLag.at(-1) ?? 0).toFixed(1)} ms`,
  );
  if (d.replica.xact < readers.samples.length) problems.push(`the standby ran ${d.replica.xact} transactions for ${readers.samples.length} report reads`);
  if (d.replica.inserted + d.replica.updated !== 0) problems.push("rows written on the standby?");
  console.log(
    `the standby returned ${((d.replica.returned / Math.max(1, d.replica.returned + d.primary.returned)) * 100).toFixed(0)} % of all rows read in database sigap`,
  );
  if (!(await checkDatabase(primarySql, learners, result)) || !result.clean) problems.push("learner integrity or 5xx");

  // ---- read-your-writes: a manager assigns a course while the standby is paused ----
  {
    const standbySql = postgres(url(REPLICA.port, "postgres"), { max: 1, onnotice: () => {} });
    await standbySql`select pg_wal_replay_pause()`;
    const cookie = managerCookies[0]!;
    const page = await readers.request("GET /kelola/penugasan", "/kelola/penugasan", { cookie });
    const firstOption = (name: string) => {
      const select = page.text.slice(page.text.indexOf(`name="${name}"`));
      return [...select.slice(0, select.indexOf("</select>")).matchAll(/<option value="([^"]+)"/g)].map((m) => m[1]!);
    };
    const course = firstOption("courseId").at(-1) ?? "";
    const agency = firstOption("agencyId")[0] ?? "";
    const due = new Date(Date.now() + 400 * 86_400_000).toISOString().slice(0, 10);
    const posted = await readers.request("POST /kelola/penugasan", "/kelola/penugasan", {
      cookie,
      fields: [
        ["courseId", course],
        ["agencyId", agency],
        ["dueDate", due],
      ],
    });
    const wrote = posted.setCookie?.match(/sigap_tulis=\d+/)?.[0];
    const table = `/kelola/peserta?kursus=${encodeURIComponent(course)}&_data=${encodeURIComponent("routes/kelola.peserta._index")}`;
    const dueShown = async (c: string) => {
      const res = await readers.request("GET /kelola/peserta (data)", table, { cookie: c });
      return ((JSON.parse(res.text) as { learners: { dueDate: string | null }[] }).learners ?? []).filter((l) => l.dueDate === due).length;
    };
    const withMark = await dueShown(wrote ? `${cookie}; ${wrote}` : cookie);
    const withoutMark = await dueShown(cookie);
    await standbySql`select pg_wal_replay_resume()`;
    await standbySql.end();
    const [n] = await primarySql<{ n: number }[]>`select count(*)::int as n from enrollments where course_id = ${course} and due_date = ${due}`;
    const ok = posted.status === 200 && !!wrote && n!.n > 0 && withMark > 0 && withoutMark === 0;
    console.log(
      `read-your-writes (standby paused): assignment posted ${posted.status}, cookie ${wrote ? "set" : "MISSING"}, ${n!.n} enrollments on the primary; ` +
        `learner table (first page) with the cookie shows ${withMark} learners with the new due date, without it (standby) ${withoutMark}`,
    );
    if (!ok) problems.push("read-your-writes");
  }
  await primarySql.end();
} catch (error) {
  console.error(error);
  problems.push(String(error));
} finally {
  await server?.stop();
  dropClusters();
  console.log(`clusters ${PRIMARY.name} and ${REPLICA.name} dropped`);
}
console.log(problems.length ? `FAIL: ${problems.join("; ")}` : "PASS");
process.exit(problems.length ? 1 : 0);

/** Until the standby has replayed everything the primary has written. */
async function caughtUp(primarySql: postgres.Sql) {
  for (let i = 0; i < 600; i++) {
    const rows = await primarySql<{ behind: boolean }[]>`select replay_lsn < pg_current_wal_lsn() as behind from pg_stat_replication`;
    if (rows.length && !rows[0]!.behind) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("the standby did not catch up within 60 s");
}
