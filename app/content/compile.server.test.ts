import { mkdtemp, readdir } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { clearMemoryCache, compileMdx, contentHash } from "./compile.server";

beforeAll(async () => {
  process.env.BUILD_DIR = await mkdtemp(path.join(os.tmpdir(), "sigap-cache-"));
});

describe("compile cache", () => {
  it("compiles once per content hash: memory, then disk, then esbuild", async () => {
    const body = "## Judul\n\nIsi pelajaran pertama.";
    const first = await compileMdx(body);
    expect(first.hash).toBe(contentHash(body));
    expect(await compileMdx(body)).toBe(first); // same object: served from memory
    const files = await readdir(path.join(process.env.BUILD_DIR!, "content-cache"));
    expect(files).toEqual([`${first.hash}.json`]);
    clearMemoryCache();
    const fromDisk = await compileMdx(body);
    expect(fromDisk).not.toBe(first);
    expect(fromDisk.code).toBe(first.code);
    const changed = await compileMdx(body + " Diubah.");
    expect(changed.hash).not.toBe(first.hash);
    expect(await readdir(path.join(process.env.BUILD_DIR!, "content-cache"))).toHaveLength(2);
  });
});
