/**
 * `npm run setup` (part of `npm start`): migrate, sync content, and seed demo data when the
 * database has no users. `--seed` (npm run db:seed) seeds even in production mode.
 */
import { seedDemo } from "../../db/seed";
import { loadContentTree } from "../content/repository.server";
import { syncContent } from "../content/sync.server";
import { DataDirError } from "../utils/data-dir-lock.server";
import { closeDb, getDb, getEngine } from "../utils/db.server";
import { loadEnv } from "../utils/env.server";

loadEnv();
const db = await getDb().catch((error: unknown) => {
  if (!(error instanceof DataDirError)) throw error;
  console.error(`[setup] ${error.message}`);
  process.exit(1);
});
const engine = await getEngine();
console.log(`[setup] database ready (${engine}, migrations applied)`);
const tree = await loadContentTree();
for (const p of tree.problems) console.warn(`[setup] content problem: ${p.file}:${p.line} ${p.message}`);
const synced = await syncContent(tree);
console.log(
  `[setup] content synced: ${synced.courses} courses, ${synced.lessons} lessons${synced.newVersions.length ? `; new versions ${synced.newVersions.join(", ")}` : ""}`,
);
const seedStart = performance.now();
const seeded = await seedDemo(db);
console.log(seeded ? `[setup] demo data seeded in ${((performance.now() - seedStart) / 1000).toFixed(1)} s` : "[setup] demo data already present");
await closeDb();
