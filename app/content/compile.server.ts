import { createHash } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { env } from "~/utils/env.server";
import { loadMdxBundler } from "~/utils/lazy-deps.server";
import { emptyUsage, remarkInspect, type MdxUsage } from "./mdx-inspect";

/** Bump when the compile options change so cached output is rebuilt. */
const COMPILER_VERSION = "1";

export type Compiled = { hash: string; code: string; usage: MdxUsage };

const memory = new Map<string, Compiled>();
// The same body string comes back on every page view (the content tree is cached): found by the
// string itself, a page skips hashing the lesson (0.6 % of its CPU). V8 keeps a string's hash.
const byBody = new Map<string, Compiled>();
const cacheDir = () => path.join(env.buildDir, "content-cache");

export function contentHash(body: string): string {
  return createHash("sha256").update(COMPILER_VERSION).update("\0").update(body).digest("hex").slice(0, 32);
}

/**
 * Compiles an MDX body (frontmatter already removed) once per content hash: memory first,
 * then the on-disk cache under build/, then esbuild. Only files from content/ come here.
 */
export async function compileMdx(body: string): Promise<Compiled> {
  const known = byBody.get(body);
  if (known) return known;
  const hash = contentHash(body);
  const hit = memory.get(hash);
  if (hit) {
    byBody.set(body, hit);
    return hit;
  }
  const file = path.join(cacheDir(), `${hash}.json`);
  try {
    const cached = JSON.parse(await readFile(file, "utf8")) as Compiled;
    memory.set(hash, cached);
    byBody.set(body, cached);
    return cached;
  } catch {
    // not cached yet
  }
  const usage = emptyUsage();
  // The compiler (and esbuild) loads only when a file is not in the content cache.
  const [{ bundleMDX }, { default: remarkGfm }] = await Promise.all([loadMdxBundler(), import("remark-gfm")]);
  const result = await bundleMDX({
    source: body,
    esbuildOptions(options) {
      options.logLevel = "silent";
      return options;
    },
    mdxOptions(options) {
      options.remarkPlugins = [...(options.remarkPlugins ?? []), remarkGfm, remarkInspect(usage)];
      return options;
    },
  });
  const compiled: Compiled = { hash, code: result.code, usage };
  memory.set(hash, compiled);
  byBody.set(body, compiled);
  await mkdir(cacheDir(), { recursive: true });
  await writeFile(file, JSON.stringify(compiled));
  return compiled;
}

/** For tests: forget the in-memory cache (the disk cache stays). */
export function clearMemoryCache() {
  memory.clear();
  byBody.clear();
}
