import fs from "node:fs/promises";
import { afterAll, inject } from "vitest";
import { closeDb, openDatabase, setDbFactory } from "../../app/utils/db.server";
import { adminUrl, databaseUrlFor } from "./pg-urls";

/**
 * Each test file gets its own already-migrated database, created lazily on first use
 * so pure unit tests pay nothing.
 */
let dropDatabase: (() => Promise<void>) | null = null;

setDbFactory(async () => {
  const template = inject("pgTemplate");
  if (template) {
    const { default: postgres } = await import("postgres");
    const name = `sigap_t_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    const admin = postgres(adminUrl(), { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name} template ${template}`);
    dropDatabase = async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    };
    return openDatabase({ url: databaseUrlFor(name), max: 5 });
  }
  const dump = await fs.readFile(inject("pgliteDump"));
  return openDatabase({ loadDataDir: new Blob([dump]) });
});

afterAll(async () => {
  await closeDb();
  await dropDatabase?.();
});
