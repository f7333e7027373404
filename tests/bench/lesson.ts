/**
 * `npm run bench:lesson`: lesson page vs a bare Remix page in the same run — the password page:
 * same session check, no content — so the ratio shows what the lesson machinery costs,
 * against the production build (run `npm run build` first). Prints req/s and p50/p99 latency,
 * plus the lesson page's HTML and first-load JavaScript bytes (gzip). Exit 1 if targets are missed.
 */
import { gzipSync } from "node:zlib";
import autocannon from "autocannon";
import { signInCookie, startServer } from "./server";

const PORT = Number(process.env.BENCH_PORT ?? 3200);
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const LESSON = "/kursus/tata-kelola-media-sosial/konten-yang-melayani";

async function measure(url: string, headers: Record<string, string> = {}) {
  const r = await autocannon({ url, connections: 10, duration: DURATION, headers });
  if (r.non2xx) throw new Error(`${url}: ${r.non2xx} non-2xx responses`);
  return { rps: Math.round(r.requests.average), p50: r.latency.p50, p99: r.latency.p99 };
}

const server = await startServer(PORT);
try {
  const cookie = await signInCookie(server.base, "peserta@demo.sigap.id");
  const html = await (await fetch(server.base + LESSON, { headers: { cookie } })).text();
  const scripts = [...html.matchAll(/<(?:script|link)[^>]+(?:src|href)="(\/build\/[^"]+\.js)"/g)].map((m) => m[1]!);
  let jsGzip = 0;
  for (const src of new Set(scripts)) jsGzip += gzipSync(Buffer.from(await (await fetch(server.base + src)).arrayBuffer())).length;
  // Warm both routes (content compile cache, JIT) before measuring.
  await fetch(server.base + LESSON, { headers: { cookie } });
  const bare = await measure(`${server.base}/akun/kata-sandi`, { cookie });
  const lesson = await measure(server.base + LESSON, { cookie });
  const ratio = lesson.rps / bare.rps;
  console.log(`bare page  ${bare.rps} req/s  p50 ${bare.p50} ms  p99 ${bare.p99} ms`);
  console.log(`lesson     ${lesson.rps} req/s  p50 ${lesson.p50} ms  p99 ${lesson.p99} ms  (${Math.round(ratio * 100)}% of bare; target ≥ 70%)`);
  console.log(
    `lesson HTML ${(Buffer.byteLength(html) / 1024).toFixed(1)} kB (${(gzipSync(html).length / 1024).toFixed(1)} kB gzip); first-load JS ${(jsGzip / 1024).toFixed(1)} kB gzip in ${new Set(scripts).size} files (target < 100 kB)`,
  );
  process.exitCode = ratio >= 0.7 && jsGzip < 100 * 1024 ? 0 : 1;
} finally {
  await server.stop();
}
