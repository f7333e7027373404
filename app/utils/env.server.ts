import path from "node:path";

/** Resolved once: which engine, where files live, whether we run in production. */
export const env = {
  databaseUrl: process.env.DATABASE_URL || undefined,
  dataDir: process.env.DATA_DIR || path.resolve("data"),
  isProduction: process.env.NODE_ENV === "production",
  contentDir: process.env.CONTENT_DIR || path.resolve("content"),
  buildDir: path.resolve("build"),
};
