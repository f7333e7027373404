/**
 * `postinstall`: guards postgres.js 3.4.9 against a crash when PostgreSQL restarts
 * (porsager/postgres#1154, #1208; fix proposed in PRs #1168/#1176/#1209, not released yet).
 * A small write is flushed on the next tick; when the connection closed in between, `nextWrite`
 * calls `null.write(...)` from a timer, an uncatchable TypeError that kills the app process.
 * Teardown also cancels that timer without clearing it, so a reconnected socket never flushes.
 * Seen here: `npm run bench:load-attempts -- --restart-postgres`. Idempotent; skips other versions.
 */
import { readFileSync, writeFileSync, existsSync } from "node:fs";
import path from "node:path";

const root = path.resolve("node_modules/postgres");
const pkg = path.join(root, "package.json");
if (!existsSync(pkg)) process.exit(0);
const { version } = JSON.parse(readFileSync(pkg, "utf8"));
if (version !== "3.4.9") {
  console.warn(`[patch] postgres ${version}: patch written for 3.4.9, not applied — check whether upstream fixed nextWrite`);
  process.exit(0);
}
const MARK = "/* sigap: null-socket guard */";
for (const dir of ["src", "cjs/src", "cf/src"]) {
  const file = path.join(root, dir, "connection.js");
  if (!existsSync(file)) continue;
  let source = readFileSync(file, "utf8");
  if (source.includes(MARK)) continue;
  const guard = `  function nextWrite(fn) {
    ${MARK}
    if (!socket) {
      nextWriteTimer !== null && clearImmediate(nextWriteTimer)
      chunk = nextWriteTimer = null
      error(Errors.connection('CONNECTION_CLOSED', options))
      return false
    }
`;
  const before = source;
  source = source.replace("  function nextWrite(fn) {\n", guard);
  // terminate() and closed(): cancel the pending flush and forget it, so the next socket flushes.
  source = source.replace(/\n(\s+)clearImmediate\(nextWriteTimer\)\n/g, "\n$1clearImmediate(nextWriteTimer), nextWriteTimer = null, chunk = null\n");
  if (source === before || source.split("nextWriteTimer = null, chunk = null").length !== 3) {
    console.warn(`[patch] ${file}: unexpected source, not patched`);
    continue;
  }
  writeFileSync(file, source);
  console.log(`[patch] ${path.relative(process.cwd(), file)}: nextWrite guarded`);
}
