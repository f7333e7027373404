/**
 * `npm run build && DATABASE_URL=… BENCH_CPU_PROF=/tmp/prof npx tsx tests/bench/profile-page.ts [path] [email]`
 *
 * One signed-in page under steady load (10 connections, BENCH_SECONDS, default 10) on the real
 * server, for a CPU profile of the server (`node --cpu-prof`, written when it stops) without the
 * other benches' servers in it. Prints req/s and CPU ms per request.
 */
import autocannon from "autocannon";
import { cpuTimeMs } from "./rounds";
import { scratchDatabase, signInCookie, startServer } from "./server";

const page = process.argv[2] ?? "/kursus/tata-kelola-media-sosial/konten-yang-melayani";
const email = process.argv[3] ?? "peserta@demo.sigap.id";
const scratch = process.env.DATABASE_URL ? await scratchDatabase(process.env.BENCH_DB_PREFIX ?? "sigap_bench_profile") : null;
const server = await startServer(Number(process.env.BENCH_PORT ?? 3300), { DATABASE_URL: scratch?.url ?? "" });
console.log(`start to healthy: ${Math.round(server.startMs)} ms`);
try {
  const cookie = email === "-" ? "" : await signInCookie(server.base, email);
  for (let i = 0; i < 50; i++) await (await fetch(server.base + page, { headers: { cookie } })).arrayBuffer();
  const before = cpuTimeMs(server.pid!);
  const r = await autocannon({ url: server.base + page, connections: 10, duration: Number(process.env.BENCH_SECONDS ?? 10), headers: { cookie } });
  const cpu = cpuTimeMs(server.pid!) - before;
  console.log(
    `${page}: ${Math.round(r.requests.average)} req/s, p99 ${r.latency.p99} ms, ${r.non2xx} non-2xx, CPU ${(cpu / r.requests.total).toFixed(2)} ms/req`,
  );
} finally {
  await server.stop();
  await scratch?.drop();
}
