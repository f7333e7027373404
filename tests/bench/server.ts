import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, openSync, readdirSync, readFileSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";

/** Resident memory of a process in MB (Linux /proc), or 0 when it is gone. */
export function rssMb(pid: number | undefined): number {
  if (!pid) return 0;
  try {
    const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
    return Math.round(kb / 1024);
  } catch {
    return 0;
  }
}

/** Samples a process's RSS every 250 ms until stopped; returns the peak in MB. */
export function watchRss(pid: number | undefined) {
  let peak = rssMb(pid);
  const timer = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 250);
  return {
    stop: () => {
      clearInterval(timer);
      return Math.max(peak, rssMb(pid));
    },
  };
}

/**
 * The `--flags` `npm run serve` passes to node in that checkout (none in one from before decision
 * 028). BENCH_NODE_FLAGS="…" replaces them, to compare settings (an empty value: node's defaults).
 */
export function serveNodeFlags(cwd = process.cwd()): string[] {
  if (process.env.BENCH_NODE_FLAGS !== undefined) return process.env.BENCH_NODE_FLAGS.split(/\s+/).filter(Boolean);
  const pkg = JSON.parse(readFileSync(path.join(cwd, "package.json"), "utf8")) as { scripts?: Record<string, string> };
  return (pkg.scripts?.serve ?? "").split(/\s+/).filter((word) => word.startsWith("--"));
}

/**
 * Starts the production build (run `npm run build` first) on a free port with its own
 * fresh PGlite data directory (or DATABASE_URL), after migrating, syncing and seeding it.
 * The server is the one `npm run serve` runs (build/server.js, app/cli/serve.ts precompiled by
 * `npm run build`), as one Node process (so `pid` is the server's own: RSS and CPU profiles are its).
 * with the Node flags that script gives (the heap sizing of decision 028: what a bench measures is
 * what production runs). A checkout built before that existed (BENCH_COMPARE_DIR) runs
 * app/cli/serve.ts through tsx. `startMs`: spawn until /healthz said 200.
 * BENCH_CPU_PROF=<dir> writes a V8 CPU profile of the server there when it stops.
 */
export async function startServer(port: number, extraEnv: Record<string, string> = {}, cwd = process.cwd()) {
  // Another process on the port would answer /healthz and the bench would measure it instead.
  await new Promise<void>((resolve, reject) => {
    const probe = net.createServer().once("error", () => reject(new Error(`port ${port} is in use (set BENCH_PORT)`)));
    probe.listen(port, () => probe.close(() => resolve()));
  });
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "sigap-bench-"));
  const env = { ...process.env, DATA_DIR: dataDir, PORT: String(port), NODE_ENV: "production", ...extraEnv } as NodeJS.ProcessEnv;
  await new Promise<void>((resolve, reject) => {
    const setup = spawn("npx", ["tsx", "app/cli/setup.ts"], { env, stdio: "ignore", cwd });
    setup.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`setup exited ${code}`))));
  });
  // BENCH_SERVER_LOG=<file> keeps the server's output (errors behind a 500) for a look afterwards.
  const log = process.env.BENCH_SERVER_LOG ? openSync(`${process.env.BENCH_SERVER_LOG}.${port}`, "a") : "ignore";
  const prof = process.env.BENCH_CPU_PROF ? ["--cpu-prof", "--cpu-prof-dir", process.env.BENCH_CPU_PROF] : [];
  const spawnedAt = performance.now();
  const entry = existsSync(path.join(cwd, "build", "server.js")) ? ["build/server.js"] : ["--import", "tsx", "app/cli/serve.ts"];
  const child: ChildProcess = spawn(process.execPath, [...serveNodeFlags(cwd), ...prof, ...entry], { env, stdio: ["ignore", log, log], cwd });
  const base = `http://localhost:${port}`;
  let startMs = NaN;
  // A loaded machine can take a while: up to 3 minutes.
  while (performance.now() - spawnedAt < 180_000) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) {
        startMs = performance.now() - spawnedAt;
        break;
      }
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  if (Number.isNaN(startMs)) {
    child.kill("SIGKILL");
    throw new Error(`server on port ${port} did not become healthy`);
  }
  return {
    base,
    pid: child.pid,
    startMs,
    stop: () =>
      new Promise<void>((resolve) => {
        // Already gone (crashed): nothing to wait for.
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.on("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

/** Signs in through the real form and returns the session cookie. */
export async function signInCookie(base: string, email: string, password = "sigap-demo-2026"): Promise<string> {
  const res = await fetch(`${base}/masuk`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: base },
    body: new URLSearchParams({ email, password }),
  });
  const cookie = res.headers.get("set-cookie")?.split(";")[0];
  if (!cookie) throw new Error(`sign-in failed for ${email}: ${res.status}`);
  return cookie;
}

/**
 * A throw-away database `<prefix>_<pid>` next to DATABASE_URL (the real PostgreSQL server), for
 * benches that must not touch anyone's data. Exits with 2 when DATABASE_URL is missing.
 */
export async function scratchDatabase(prefix: string) {
  if (!process.env.DATABASE_URL) {
    console.error(`DATABASE_URL is required (the real PostgreSQL server); a database ${prefix}_<pid> is created next to it.`);
    process.exit(2);
  }
  const { default: postgres } = await import("postgres");
  const name = `${prefix}_${process.pid}`;
  const adminUrl = new URL(process.env.DATABASE_URL);
  adminUrl.pathname = "/postgres";
  const admin = postgres(adminUrl.toString(), { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(process.env.DATABASE_URL);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`).catch((e) => console.error("drop failed", e));
      await admin.end({ timeout: 2 });
    },
  };
}

/** User + system CPU time of a process in ms (Linux /proc, 100 ticks per second); 0 when it is gone. */
export function processCpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return 0;
  }
}

/** CPU time in ms of a process and its direct children (nginx: the master and its workers). */
export function treeCpuMs(pid: number): number {
  let total = processCpuMs(pid);
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (ppid === pid) total += processCpuMs(Number(entry));
    } catch {
      // exited while we looked
    }
  }
  return total;
}

/** Busy and total CPU time of the whole machine in ms (/proc/stat), to show what others used meanwhile. */
export function machineCpuMs(): { busy: number; total: number } {
  const cpu = readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/).slice(1).map(Number);
  const total = cpu.reduce((a, b) => a + b, 0) * 10;
  const idle = (cpu[3]! + (cpu[4] ?? 0)) * 10;
  return { busy: total - idle, total };
}

/**
 * CPU time of the PostgreSQL backends serving one database (server on this machine), from
 * pg_stat_activity's pids and /proc. Backends are sampled every second, so one that connects and
 * exits between two samples is missed (the app's pool keeps its connections for 60 s idle). The
 * background processes (WAL writer, checkpointer, autovacuum) serve every database and are left out.
 */
export async function watchBackends(url: string, database: string) {
  const { default: postgres } = await import("postgres");
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  const base = new Map<number, number>();
  const last = new Map<number, number>();
  let first = true;
  const sample = async () => {
    const rows = await sql<{ pid: number }[]>`select pid from pg_stat_activity where datname = ${database} and pid <> pg_backend_pid()`;
    for (const { pid } of rows) {
      const ms = processCpuMs(pid);
      // A backend that appears after the start did all its work during the measurement.
      if (!base.has(pid)) base.set(pid, first ? ms : 0);
      last.set(pid, ms);
    }
    first = false;
  };
  await sample();
  let running = true;
  const loop = (async () => {
    while (running) {
      await new Promise((r) => setTimeout(r, 1000));
      if (running) await sample();
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      await sample();
      await sql.end({ timeout: 2 });
      let ms = 0;
      for (const [pid, end] of last) ms += end - base.get(pid)!;
      return { ms, backends: last.size };
    },
  };
}
