/**
 * First-load JS of every page, read from the Remix build's manifest (public/build/manifest-*.js):
 * the entry, root and route modules with their imports, plus the manifest itself — what a browser
 * downloads on a page's first visit, gzipped. Also says which pages' code contains zod, which no
 * page needs (form schemas are server-only, decision 026).
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

export type PageJs = { route: string; gzipBytes: number; files: number; zod: boolean };

export function pageFirstLoadJs(publicDir = path.resolve("public")): PageJs[] {
  const buildDir = path.join(publicDir, "build");
  const manifestFile = readdirSync(buildDir).find((f) => /^manifest-.*\.js$/.test(f));
  if (!manifestFile) throw new Error("no Remix manifest in public/build: run npm run build");
  const source = readFileSync(path.join(buildDir, manifestFile), "utf8");
  const manifest = JSON.parse(source.slice(source.indexOf("{"), source.lastIndexOf("}") + 1)) as {
    entry: { module: string; imports?: string[] };
    routes: Record<string, { module: string; imports?: string[] }>;
  };
  const cache = new Map<string, { gzip: number; zod: boolean }>();
  const file = (url: string) => {
    let known = cache.get(url);
    if (!known) {
      const bytes = readFileSync(path.join(publicDir, url));
      // zod's own error class name survives minification (it is a string in its code).
      known = { gzip: gzipSync(bytes).length, zod: bytes.includes("ZodError") };
      cache.set(url, known);
    }
    return known;
  };
  const manifestGzip = gzipSync(source).length;
  return Object.keys(manifest.routes)
    .filter((id) => id !== "root")
    .map((id) => {
      const urls = new Set([manifest.entry.module, ...(manifest.entry.imports ?? [])]);
      for (const r of ["root", id]) for (const u of [manifest.routes[r]!.module, ...(manifest.routes[r]!.imports ?? [])]) urls.add(u);
      const parts = [...urls].map(file);
      return { route: id, gzipBytes: manifestGzip + parts.reduce((n, p) => n + p.gzip, 0), files: urls.size + 1, zod: parts.some((p) => p.zod) };
    })
    .sort((a, b) => b.gzipBytes - a.gzipBytes);
}
