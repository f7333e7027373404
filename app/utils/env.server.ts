import path from "node:path";

/** Read on every access so tests and CLIs can point the app at other directories. */
export const env = {
  get databaseUrl() {
    return process.env.DATABASE_URL || undefined;
  },
  get dataDir() {
    return process.env.DATA_DIR || path.resolve("data");
  },
  get isProduction() {
    return process.env.NODE_ENV === "production";
  },
  get contentDir() {
    return process.env.CONTENT_DIR || path.resolve("content");
  },
  get buildDir() {
    return process.env.BUILD_DIR || path.resolve("build");
  },
  /** Proxy hops in front of the app that append to X-Forwarded-For (at least 1). */
  get trustedProxies() {
    return Math.max(1, Number(process.env.TRUSTED_PROXIES ?? 1) || 1);
  },
};
