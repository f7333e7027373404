/**
 * Interleaved measurement for the HTTP benches: the pages of one comparison run in rounds
 * (A B C, A B C, …) so that a noisy neighbour slows every page alike instead of whichever ran
 * during the noise. Each target reports the median req/s over its rounds with the spread (min–max),
 * and latency percentiles over every response of every round (so p99 rests on thousands of samples).
 */
import { readFileSync } from "node:fs";
import autocannon from "autocannon";
import { percentile } from "./client";

/** `pid`: the serving process, whose CPU time per response is reported (a figure the machine's load moves far less than req/s). */
export type Target = { name: string; url: string; headers?: Record<string, string>; pid?: number };
export type TargetResult = {
  name: string;
  rps: number[];
  median: number;
  min: number;
  max: number;
  samples: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  /** CPU time (user + system) of the serving process per response, in ms; NaN without a pid. */
  cpuMs: number;
};

/** User + system CPU time of a process in ms (Linux /proc, 100 ticks per second). */
export function cpuTimeMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

async function once(target: Target, connections: number, seconds: number, latencies: number[]) {
  let non2xx = 0;
  // Without a callback autocannon returns its instance, which is also a promise of the result.
  const instance = autocannon({ url: target.url, connections, duration: seconds, headers: target.headers ?? {} }) as unknown as autocannon.Instance &
    PromiseLike<autocannon.Result>;
  instance.on("response", (_client: unknown, status: number, _bytes: number, ms: number) => {
    if (status < 200 || status >= 300) non2xx++;
    latencies.push(ms);
  });
  const r = await instance;
  return { rps: r.requests.total / seconds, errors: non2xx + r.errors + r.timeouts };
}

/**
 * Runs every target for `seconds` per round, `rounds` times, interleaved. `during(target)` may
 * wrap a run (e.g. to sample the server's memory while it is under that load).
 */
export async function interleave(
  targets: Target[],
  options: { rounds: number; seconds: number; connections: number; during?: (t: Target, run: () => Promise<void>) => Promise<void> },
): Promise<TargetResult[]> {
  const state = targets.map(() => ({ rps: [] as number[], latencies: [] as number[], errors: 0, cpu: 0 }));
  for (let round = 0; round < options.rounds; round++) {
    for (const [i, target] of targets.entries()) {
      const run = async () => {
        const cpuBefore = target.pid ? cpuTimeMs(target.pid) : 0;
        const r = await once(target, options.connections, options.seconds, state[i]!.latencies);
        if (target.pid) state[i]!.cpu += cpuTimeMs(target.pid) - cpuBefore;
        state[i]!.rps.push(r.rps);
        state[i]!.errors += r.errors;
      };
      if (options.during) await options.during(target, run);
      else await run();
    }
  }
  return targets.map((t, i) => {
    const s = state[i]!;
    const sorted = s.latencies.sort((a, b) => a - b);
    return {
      name: t.name,
      rps: s.rps,
      median: median(s.rps),
      min: Math.min(...s.rps),
      max: Math.max(...s.rps),
      samples: sorted.length,
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      p99: percentile(sorted, 99),
      errors: s.errors,
      cpuMs: t.pid ? s.cpu / sorted.length : NaN,
    };
  });
}

export function formatResult(r: TargetResult): string {
  const spread = `${Math.round(r.min)}–${Math.round(r.max)}`;
  return `${r.name.padEnd(26)} ${String(Math.round(r.median)).padStart(6)} req/s (rounds ${spread})  p50 ${r.p50.toFixed(1)} / p95 ${r.p95.toFixed(1)} / p99 ${r.p99.toFixed(1)} ms  n=${r.samples}${Number.isNaN(r.cpuMs) ? "" : `  CPU ${r.cpuMs.toFixed(2)} ms/req`}${r.errors ? `  ${r.errors} errors/non-2xx` : ""}`;
}
