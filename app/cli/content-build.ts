/**
 * Part of `npm run build`: compiles every course and lesson into build/content-cache so a
 * production server never runs esbuild on a request. One file at a time (esbuild is memory-hungry).
 */
import { compileMdx } from "../content/compile.server";
import { loadContentTree } from "../content/repository.server";

const started = Date.now();
const tree = await loadContentTree();
let files = 0;
let failed = 0;
for (const course of tree.courses) {
  for (const body of [course.body, ...course.lessons.map((l) => l.body)]) {
    try {
      await compileMdx(body);
      files++;
    } catch (error) {
      failed++;
      console.error(`[content] ${course.slug}: ${(error as Error).message.split("\n")[0]}`);
    }
  }
}
console.log(`[content] precompiled ${files} file(s) in ${Date.now() - started} ms${failed ? `, ${failed} failed (run npm run content:check)` : ""}`);
