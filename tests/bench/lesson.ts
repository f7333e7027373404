/**
 * `npm run build && DATABASE_URL=postgres://… npm run bench:lesson`
 *
 * The signed-in lesson page against two references, all in the same run and interleaved in
 * rounds (A B C D, A B C D, …; tests/bench/rounds.ts):
 *   A. bare Node `http`: a separate process answering the lesson page's own bytes (the ceiling);
 *   B. bare Remix: the anonymous home page on the real server (root + index loaders, no cookie,
 *      so no session and no database) — what the framework and React SSR cost by themselves;
 *   C. the lesson page, signed in, on the real server with PostgreSQL (a scratch database
 *      `${BENCH_DB_PREFIX}_<pid>` next to DATABASE_URL, dropped at the end);
 *   D. the same on embedded PGlite (a fresh data directory).
 * Servers are `app/cli/serve.ts` (what `npm run serve` runs) on the production build. For each
 * connection count (10 and 50) it prints the median req/s of ≥ 3 rounds with the spread, p50/p95/p99
 * over every response, the ratios to bare Node, the servers' peak RSS under the 50-connection run,
 * the built app's start-to-healthy time, and the lesson's HTML and first-load JS sizes.
 * Exit 1 when a target is missed:
 *   lesson/bare Node ≥ 10 % on Postgres and ≥ 5 % on PGlite (50 connections), lesson p99 < 100 ms
 *   on Postgres at 50 connections, RSS < 400 MB on Postgres, start < 5 s, first-load JS < 100 kB gz.
 * Without DATABASE_URL only PGlite runs (and the Postgres targets count as missed).
 *
 * Knobs: BENCH_ROUNDS (3), BENCH_SECONDS per page per round (5), BENCH_CONNECTIONS ("10,50"),
 * BENCH_PORT (3200; uses the next three ports too), BENCH_DB_PREFIX (sigap_bench_lesson),
 * BENCH_CPU_PROF=<dir> (CPU profiles of the app servers, see server.ts), BENCH_COMPARE_DIR=<dir>:
 * another checkout of Sigap, built, whose lesson page joins the rounds on Postgres as "before"
 * (e.g. `git archive <commit> | tar -x -C /tmp/x`, node_modules linked, `npm run build` there).
 */
import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { formatResult, interleave, type Target } from "./rounds";
import { pageFirstLoadJs } from "./page-js";
import { scratchDatabase, signInCookie, startServer, watchRss } from "./server";

const PORT = Number(process.env.BENCH_PORT ?? 3200);
const ROUNDS = Math.max(3, Number(process.env.BENCH_ROUNDS ?? 3));
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = (process.env.BENCH_CONNECTIONS ?? "10,50").split(",").map(Number);
const LESSON = "/kursus/tata-kelola-media-sosial/konten-yang-melayani";

type Server = Awaited<ReturnType<typeof startServer>>;
const servers: { name: string; server: Server }[] = [];
let scratch: Awaited<ReturnType<typeof scratchDatabase>> | null = null;
let compare: Awaited<ReturnType<typeof scratchDatabase>> | null = null;
const bare: { process: ReturnType<typeof spawn> | null } = { process: null };
const failures: string[] = [];

/** A bare Node http server in its own process answering `body` to every request. */
async function startBareNode(port: number, body: string) {
  const file = path.join(os.tmpdir(), `sigap-bench-bare-${process.pid}.html`);
  writeFileSync(file, body);
  const code = `const b=require("fs").readFileSync(${JSON.stringify(file)});require("http").createServer((q,s)=>{s.writeHead(200,{"content-type":"text/html; charset=utf-8","content-length":b.length});s.end(b)}).listen(${port})`;
  bare.process = spawn(process.execPath, ["-e", code], { stdio: "ignore" });
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(`http://localhost:${port}/`)).ok) return `http://localhost:${port}/`;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error("bare node server did not start");
}

try {
  if (process.env.DATABASE_URL) {
    scratch = await scratchDatabase(process.env.BENCH_DB_PREFIX ?? "sigap_bench_lesson");
    servers.push({ name: "Postgres", server: await startServer(PORT + 1, { DATABASE_URL: scratch.url }) });
  } else {
    failures.push("no DATABASE_URL: the Postgres targets were not measured");
  }
  servers.push({ name: "PGlite", server: await startServer(PORT + 2, { DATABASE_URL: "" }) });
  if (process.env.BENCH_COMPARE_DIR && scratch) {
    // Its own scratch database: the other checkout migrates and seeds what it knows.
    compare = await scratchDatabase(`${process.env.BENCH_DB_PREFIX ?? "sigap_bench_lesson"}_before`);
    servers.push({ name: "Postgres, before", server: await startServer(PORT + 3, { DATABASE_URL: compare.url }, process.env.BENCH_COMPARE_DIR) });
  }
  for (const { name, server } of servers) {
    console.log(`start to healthy (${name}): ${Math.round(server.startMs)} ms`);
    if (server.startMs >= 5000) failures.push(`${name} start ${Math.round(server.startMs)} ms ≥ 5 s`);
  }

  const first = servers[0]!.server;
  const cookies = new Map<string, string>();
  for (const { name, server } of servers) cookies.set(name, await signInCookie(server.base, "peserta@demo.sigap.id"));
  const html = await (await fetch(first.base + LESSON, { headers: { cookie: cookies.get(servers[0]!.name)! } })).text();
  if (!html.includes("<h1")) throw new Error("the lesson page did not render");
  const scripts = [...new Set([...html.matchAll(/<(?:script|link)[^>]+(?:src|href)="(\/build\/[^"]+\.js)"/g)].map((m) => m[1]!))];
  let jsGzip = 0;
  for (const src of scripts) jsGzip += gzipSync(Buffer.from(await (await fetch(first.base + src)).arrayBuffer())).length;
  const data = /window\.__remixContext = (.*?);<\/script>/s.exec(html)?.[1] ?? "";
  console.log(
    `lesson HTML ${(Buffer.byteLength(html) / 1024).toFixed(1)} kB (${(gzipSync(html).length / 1024).toFixed(1)} kB gzip), of which page data ${(Buffer.byteLength(data) / 1024).toFixed(1)} kB; first-load JS ${(jsGzip / 1024).toFixed(1)} kB gzip in ${scripts.length} files (target < 100 kB)`,
  );
  if (jsGzip >= 100 * 1024) failures.push("first-load JS ≥ 100 kB gzip");
  const pages = pageFirstLoadJs();
  console.log(
    `heaviest pages' first-load JS (build manifest): ${pages
      .slice(0, 5)
      .map((p) => `${p.route.replace(/^routes\//, "")} ${(p.gzipBytes / 1024).toFixed(1)} kB`)
      .join(", ")}`,
  );
  const withZod = pages.filter((p) => p.zod).map((p) => p.route);
  if (withZod.length) failures.push(`zod in the browser code of ${withZod.join(", ")} (form schemas belong in *.server.ts, decision 026)`);

  const bareUrl = await startBareNode(PORT, html);
  const targets: Target[] = [
    { name: "bare Node http", url: bareUrl, pid: bare.process?.pid },
    { name: "bare Remix (anonymous /)", url: `${first.base}/`, pid: first.pid },
    ...servers.map(({ name, server }) => ({ name: `lesson, ${name}`, url: server.base + LESSON, headers: { cookie: cookies.get(name)! }, pid: server.pid })),
  ];
  // Warm every target (JIT, content caches, pool connections).
  for (const t of targets) for (let i = 0; i < 20; i++) await (await fetch(t.url, { headers: t.headers })).arrayBuffer();

  for (const connections of CONNECTIONS) {
    const peaks = new Map<string, number>();
    const results = await interleave(targets, {
      rounds: ROUNDS,
      seconds: SECONDS,
      connections,
      during: async (t, run) => {
        const owner = servers.find(({ name }) => t.name === `lesson, ${name}`);
        if (!owner) return run();
        const watch = watchRss(owner.server.pid);
        await run();
        peaks.set(owner.name, Math.max(peaks.get(owner.name) ?? 0, watch.stop()));
      },
    });
    console.log(
      `\n${connections} connections, ${ROUNDS} rounds × ${SECONDS} s per page, interleaved (${new Date().toISOString()}, load average ${os.loadavg()[0]!.toFixed(2)}):`,
    );
    for (const r of results) console.log(formatResult(r));
    const node = results[0]!.median;
    const nodeCpu = results[0]!.cpuMs;
    for (const r of results.slice(1))
      console.log(
        `  ${r.name}: ${((r.median / node) * 100).toFixed(2)} % of bare Node's req/s; by CPU per request ${((nodeCpu / r.cpuMs) * 100).toFixed(2)} %`,
      );
    for (const { name } of servers) console.log(`  server RSS peak under the lesson load (${name}): ${peaks.get(name)} MB`);
    for (const r of results) if (r.errors) failures.push(`${r.name}: ${r.errors} errors at ${connections} connections`);
    if (connections === 50) {
      const pg = results.find((r) => r.name === "lesson, Postgres");
      const lite = results.find((r) => r.name === "lesson, PGlite")!;
      if (pg) {
        if (pg.median / node < 0.1) failures.push(`Postgres lesson ${((pg.median / node) * 100).toFixed(2)} % of bare Node < 10 %`);
        if (pg.p99 >= 100) failures.push(`Postgres lesson p99 ${pg.p99.toFixed(0)} ms ≥ 100 ms`);
        if ((peaks.get("Postgres") ?? 0) >= 400) failures.push(`Postgres server RSS ${peaks.get("Postgres")} MB ≥ 400 MB`);
      }
      if (lite.median / node < 0.05) failures.push(`PGlite lesson ${((lite.median / node) * 100).toFixed(2)} % of bare Node < 5 %`);
    }
  }
} finally {
  bare.process?.kill();
  await Promise.all(servers.map(({ server }) => server.stop()));
  await scratch?.drop();
  await compare?.drop();
}
console.log(failures.length ? `\nMISSED:\n- ${failures.join("\n- ")}` : "\nall targets met");
process.exitCode = failures.length ? 1 : 0;
