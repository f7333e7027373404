/**
 * `npm run setup` (part of `npm start`): migrate, sync content, and seed demo data when the
 * database has no users. `--seed` (npm run db:seed) seeds even in production mode.
 */
import { seedDemo } from "../../db/seed";
import { closeDb, getDb, getEngine } from "../utils/db.server";

const db = await getDb();
const engine = await getEngine();
console.log(`[setup] database ready (${engine}, migrations applied)`);
const seeded = await seedDemo(db);
console.log(seeded ? "[setup] demo data seeded" : "[setup] demo data already present");
await closeDb();
