/**
 * `DATABASE_URL=postgres://… npm run bench:surge` — the Friday surge (issue 18, item 5).
 *
 * A whole province was told to finish a course by Friday: BENCH_LEARNERS (2,000) learners of one
 * province, spread over its 480 units, have done every lesson but the last; they all press
 * "Tandai selesai" on it within BENCH_SURGE_SECONDS (60), at uniformly random moments (open
 * loop: an arrival does not wait for the previous one). Each completion is the app's own
 * `completeLesson` (progress row, enrollment, rollup triggers up the agency tree, certificate)
 * on a pool of BENCH_POOL (10) connections, as one app instance has.
 *
 * Prints completion latency p50/p95/p99 (from the arrival, so pool queueing counts) and lock
 * waits sampled every 50 ms from pg_locks: how many backends waited, on which table's rows.
 * Then checks the dashboard is exact: the province's and a regency's counters (subtree
 * rollups, what the dashboard reads) equal a count over the enrollments and certificates.
 * Exit 1 when p99 ≥ 500 ms or a counter is off. Runs in a scratch database next to
 * DATABASE_URL (BENCH_DB_PREFIX, default sigap_bench_surge), dropped at the end.
 */
import { readFile } from "node:fs/promises";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { completeLesson } from "../../app/models/progress.server";
import { closeDb, getDb, openDatabase, setDbFactory } from "../../app/utils/db.server";
import { percentile } from "./client";
import { scratchDatabase } from "./server";

const LEARNERS = Number(process.env.BENCH_LEARNERS ?? 2000);
const SURGE_SECONDS = Number(process.env.BENCH_SURGE_SECONDS ?? 60);
const POOL = Number(process.env.BENCH_POOL ?? 10);
const COURSE = "c-surge";
const LESSONS = 4;
/** "immediate": the subtree counters change inside the statement, as before migration 0018 (for comparison). */
const ROLLUPS = process.env.BENCH_ROLLUPS === "immediate" ? "immediate" : "deferred";

const scratch = await scratchDatabase(process.env.BENCH_DB_PREFIX ?? "sigap_bench_surge");
const failures: string[] = [];
/** Statements sent during the surge (postgres.js debug hook): one per round trip. */
const statements: string[] = [];
let counting = false;
const rows = <T>(result: unknown) => ((result as { rows?: T[] }).rows ?? (result as T[])) as T[];
let sampler: ReturnType<typeof postgres> | null = null;
try {
  setDbFactory(() => openDatabase({ url: scratch.url, migrate: true, max: POOL, onQuery: (q) => counting && statements.push(q) }));
  const db = await getDb();
  const t0 = performance.now();
  // 1 province → 20 regencies → 80 agencies → 480 units; other provinces' data does not matter here.
  await db.execute(sql`insert into agencies (id, code, name, kind, parent_id, path) values ('p', 'S', 'Provinsi Surge', 'province', null, '/p/')`);
  await db.execute(sql`insert into agencies (id, code, name, kind, parent_id, path)
    select 'r' || r, 'S.' || r, 'Kabupaten ' || r, 'regency', 'p', '/p/r' || r || '/' from generate_series(1, 20) r`);
  await db.execute(sql`insert into agencies (id, code, name, kind, parent_id, path)
    select 'a' || r || '_' || a, 'S.' || r || '.' || a, 'Dinas ' || r || '-' || a, 'agency', 'r' || r, '/p/r' || r || '/a' || r || '_' || a || '/'
    from generate_series(1, 20) r, generate_series(1, 4) a`);
  await db.execute(sql`insert into agencies (id, code, name, kind, parent_id, path)
    select 'u' || r || '_' || a || '_' || u, 'S.' || r || '.' || a || '.' || u, 'Bidang ' || r || '-' || a || '-' || u, 'unit', 'a' || r || '_' || a,
           '/p/r' || r || '/a' || r || '_' || a || '/u' || r || '_' || a || '_' || u || '/'
    from generate_series(1, 20) r, generate_series(1, 4) a, generate_series(1, 6) u`);
  await db.execute(sql`insert into users (id, email, name, nip, password_hash, role, agency_id)
    select 'l' || i, 'l' || i || '@surge.id', 'Peserta ' || i, null, 'x', 'learner',
           'u' || (1 + i % 20) || '_' || (1 + (i / 20) % 4) || '_' || (1 + (i / 80) % 6)
    from generate_series(1, ${LEARNERS}) i`);
  // A course of reading lessons only: completing the last one completes the course and issues the certificate.
  await db.execute(sql`insert into courses (id, slug, title, summary, level, version, minutes, jp, pass_percent, valid_months, position, content_hash)
    values (${COURSE}, 'kursus-surge', 'Kursus Jumat', 'Ringkas', 'dasar', '1.0.0', 60, 2, 70, 24, 1, 'h')`);
  await db.execute(sql`insert into lessons (id, course_id, slug, title, summary, kind, minutes, position, content_hash)
    select 's' || n, ${COURSE}, 'pelajaran-' || n, 'Pelajaran ' || n, 'Ringkas', 'lesson', 10, n, 'h' from generate_series(1, ${LESSONS}) n`);
  // Assigned by the province with Friday as the due date; every lesson but the last done.
  await db.execute(sql`insert into enrollments (id, user_id, course_id, due_date, completed_lessons, started_at)
    select 'e' || i, 'l' || i, ${COURSE}, current_date + 2, ${LESSONS - 1}, now() - interval '3 days' from generate_series(1, ${LEARNERS}) i`);
  await db.execute(sql`insert into lesson_progress (id, user_id, lesson_id, course_id, course_version, status, completed_at)
    select 'p' || i || '_' || n, 'l' || i, 's' || n, ${COURSE}, '1.0.0', 'completed', now() - interval '1 day'
    from generate_series(1, ${LEARNERS}) i, generate_series(1, ${LESSONS - 1}) n`);
  if (ROLLUPS === "immediate") {
    // The same row triggers, fired at each statement's end: the shared rows stay locked until COMMIT.
    for (const table of ["enrollment", "certificate"]) {
      await db.execute(sql.raw(`drop trigger ${table}_rollups_subtree on ${table}_rollups`));
      await db.execute(
        sql.raw(
          `create constraint trigger ${table}_rollups_subtree after insert or update or delete on ${table}_rollups not deferrable for each row execute function ${table}_subtree_rollup_row()`,
        ),
      );
    }
  }
  await db.execute(sql`analyze`);
  console.log(
    `filled in ${((performance.now() - t0) / 1000).toFixed(1)} s: ${LEARNERS} learners in 480 units of one province, ${LESSONS} lessons, pool ${POOL}`,
  );

  // Lock waits: a waiting backend holds or waits for a tuple lock on the table whose row it wants.
  sampler = postgres(scratch.url, { max: 1, onnotice: () => {} });
  const waits = new Map<string, number>();
  let samples = 0;
  let maxWaiting = 0;
  let sampling = true;
  const sampleLoop = (async () => {
    while (sampling) {
      // Who waits on a lock, by the statement it waits in and the lock it waits for (a row
      // held by another transaction shows as its transactionid); rollup rows are written only by
      // the triggers of the enrollment and certificate statements.
      const found = await sampler!<{ relname: string; n: number }[]>`
        select regexp_replace(left(a.query, 60), '[[:space:]]+', ' ', 'g') || ' [' || a.wait_event || ']' relname, count(*)::int n
        from pg_stat_activity a
        where a.datname = current_database() and a.wait_event_type = 'Lock'
        group by 1`;
      samples++;
      let total = 0;
      for (const f of found) {
        waits.set(f.relname!, (waits.get(f.relname!) ?? 0) + f.n);
        total += f.n;
      }
      maxWaiting = Math.max(maxWaiting, total);
      await new Promise((r) => setTimeout(r, 50));
    }
  })();

  // CPU of the server's backends serving this database (Linux /proc; the server runs on this machine).
  const backendTicks = async () => {
    const pids = await sampler!<{ pid: number }[]>`select pid from pg_stat_activity
      where datname = current_database() and backend_type = 'client backend' and pid <> pg_backend_pid()`;
    const ticks = new Map<number, number>();
    for (const { pid } of pids) {
      const stat = await readFile(`/proc/${pid}/stat`, "utf8").catch(() => null);
      const fields = stat?.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (fields) ticks.set(pid, Number(fields[11]) + Number(fields[12]));
    }
    return ticks;
  };
  const ticksBefore = await backendTicks();
  const cpuBefore = process.cpuUsage();
  counting = true;

  const ref = { lessonId: `s${LESSONS}`, courseId: COURSE, courseVersion: "1.0.0" };
  const latencies: number[] = [];
  let errors = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: LEARNERS }, async (_, i) => {
      await new Promise((r) => setTimeout(r, Math.random() * SURGE_SECONDS * 1000));
      const arrived = performance.now();
      try {
        await completeLesson(db, `l${i + 1}`, ref);
      } catch (error) {
        errors++;
        if (errors <= 3) console.error(error);
      }
      latencies.push(performance.now() - arrived);
    }),
  );
  const wall = (performance.now() - start) / 1000;
  counting = false;
  const cpu = process.cpuUsage(cpuBefore);
  const ticksAfter = await backendTicks();
  const ticksPerSecond = 100; // USER_HZ on Linux
  let dbTicks = 0;
  for (const [pid, t] of ticksAfter) dbTicks += t - (ticksBefore.get(pid) ?? 0);
  sampling = false;
  await sampleLoop;
  latencies.sort((a, b) => a - b);
  const p = (q: number) => percentile(latencies, q).toFixed(0);
  console.log(
    `${LEARNERS} completions in ${wall.toFixed(1)} s (${(LEARNERS / wall).toFixed(0)}/s): latency p50 ${p(50)} ms, p95 ${p(95)} ms, p99 ${p(99)} ms, max ${p(100)} ms; ${errors} errors`,
  );
  const done = LEARNERS - errors || 1;
  console.log(
    `per completion: ${(statements.length / done).toFixed(1)} round trips (statements incl. BEGIN/COMMIT), app CPU ${((cpu.user + cpu.system) / 1000 / done).toFixed(2)} ms, database backends' CPU ${(((dbTicks / ticksPerSecond) * 1000) / done).toFixed(2)} ms; load average ${(await readFile("/proc/loadavg", "utf8")).split(" ").slice(0, 3).join(" ")}`,
  );
  if (process.env.BENCH_TRACE) {
    // The statements of one completion, in order (BENCH_TRACE=1 with BENCH_LEARNERS=1 to read them).
    const kinds = new Map<string, number>();
    for (const q of statements) kinds.set(q.replace(/\s+/g, " ").slice(0, 110), (kinds.get(q.replace(/\s+/g, " ").slice(0, 110)) ?? 0) + 1);
    for (const [q, n] of kinds) console.log(`  ${(n / done).toFixed(2)} × ${q}`);
  }
  console.log(`lock waits (${samples} samples every 50 ms; at most ${maxWaiting} backends waiting at once), backend-samples waiting, by statement [lock]:`);
  for (const [rel, n] of [...waits].sort((a, b) => b[1] - a[1])) console.log(`  ${rel.padEnd(70)} ${n} (≈ ${((n * 50) / 1000).toFixed(1)} s of waiting)`);
  if (!waits.size) console.log("  none seen");
  if (Number(p(99)) >= 500) failures.push(`completion p99 ${p(99)} ms ≥ 500 ms`);
  if (errors) failures.push(`${errors} completions failed`);

  // Exact dashboard: what the rollups say against a count over the source rows.
  for (const scope of ["p", "r3"]) {
    const [truth] = rows<{ completed: number; certs: number; total: number }>(
      await db.execute(sql`select count(*) filter (where e.completed_at is not null)::int completed, count(*)::int total,
        (select count(*)::int from certificates c join agencies a on a.id = c.agency_id where c.course_id = ${COURSE} and c.replaced_by is null and c.revoked_at is null and a.path like ${`%/${scope}/%`}) certs
        from enrollments e join users u on u.id = e.user_id join agencies a on a.id = u.agency_id where e.course_id = ${COURSE} and a.path like ${`%/${scope}/%`}`),
    );
    const [rolled] = rows<{ completed: number; total: number; certs: number }>(
      await db.execute(sql`select coalesce(sum(n) filter (where state = 'completed'), 0)::int completed, coalesce(sum(n), 0)::int total,
        (select coalesce(sum(n), 0)::int from certificate_subtree_rollups where ancestor_id = ${scope} and course_id = ${COURSE}) certs
        from enrollment_subtree_rollups where ancestor_id = ${scope} and course_id = ${COURSE}`),
    );
    const exact = truth!.completed === rolled!.completed && truth!.total === rolled!.total && truth!.certs === rolled!.certs;
    console.log(
      `dashboard counters, ${scope === "p" ? "province" : "regency r3"}: completed ${rolled!.completed}/${rolled!.total}, certificates ${rolled!.certs} — source rows ${truth!.completed}/${truth!.total}, ${truth!.certs}: ${exact ? "exact" : "OFF"}`,
    );
    if (!exact) failures.push(`rollups off for ${scope}`);
    if (scope === "p") {
      // Migration 0024: concurrent commits write the province's counters into different shard rows.
      const [spread] = rows<{ shards: number }>(
        await db.execute(sql`select count(distinct shard)::int shards from enrollment_subtree_rollups where ancestor_id = 'p' and course_id = ${COURSE}`),
      );
      console.log(`province counter rows written by ${spread!.shards} shard(s)`);
    }
    if (scope === "p" && truth!.completed !== LEARNERS - errors) failures.push(`${truth!.completed} completed, expected ${LEARNERS - errors}`);
  }
} finally {
  await sampler?.end({ timeout: 1 });
  await closeDb();
  await scratch.drop();
}
console.log(failures.length ? `\nMISSED:\n- ${failures.join("\n- ")}` : "\nall targets met");
process.exitCode = failures.length ? 1 : 0;
