import { mkdir } from "node:fs/promises";
import path from "node:path";
import { sql, type SQL } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import * as schema from "../../db/schema";
import { DataDirError, lockDataDir } from "./data-dir-lock.server";
import { env } from "./env.server";
import { nulFreeSerializers } from "./pg-text.server";

/** The one database type every model uses; nothing outside this file knows the engine. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export type DbHandle = {
  db: Db;
  engine: "pglite" | "postgres";
  close: () => Promise<void>;
  /** False once the handle can never answer again (a closed PGlite); it is then reopened. */
  alive?: () => boolean;
  /** Health probe that does not queue behind the pool (its own connection on Postgres). */
  ping?: () => Promise<unknown>;
  /** What the mail queue (pg-boss) connects with: the server's URL, or the embedded PGlite itself (decision 019). */
  queueTarget?: { url: string } | { pglite: import("@electric-sql/pglite").PGlite };
};

const migrationsFolder = path.resolve("db/migrations");

/**
 * Seconds before a connection retries after a failed connect. postgres.js grows this up to 20 s
 * (shared by the whole pool), so during an outage queries would hang instead of failing with a
 * 503, and after it some would keep waiting; capped at 1 s, both stay short.
 */
const reconnectDelay = (retries: number) => Math.min(0.1 * 2 ** retries, 1);

/**
 * Which statements postgres.js may send as named (prepared) statements. drizzle's postgres.js
 * driver sends every statement unnamed unless it was built with `.prepare(name)`, so the server
 * parsed and planned each one on every call: for the short keyed statements of learner requests
 * that was most of PostgreSQL's CPU (parse + plan ≈ 0.35 ms against ≈ 0.05 ms of execution,
 * docs/performance.md). Prepared, a statement is parsed once per connection and, once PostgreSQL
 * finds its generic plan as good as the custom ones (after five calls), not planned again.
 * Left unnamed: statements without parameters (DDL, migrations, utility commands), long
 * parameter lists (bulk inserts, IN lists: a text per length), LIKE filters (a path prefix decides
 * whether the index serves, so each value needs its own plan), and any new text once
 * `MAX_PREPARED_TEXTS` distinct texts were admitted (postgres.js never forgets a prepared statement
 * on a connection, so the set of texts must stay bounded).
 */
const MAX_PREPARED_PARAMS = 64;
const MAX_PREPARED_TEXTS = 500;
const admittedTexts = new Set<string>();
const LIKE = /\bi?like\b/i;

export function worthPreparing(query: string, params: readonly unknown[] | undefined): boolean {
  const n = params?.length ?? 0;
  if (n === 0 || n > MAX_PREPARED_PARAMS) return false;
  if (admittedTexts.has(query)) return true;
  if (admittedTexts.size >= MAX_PREPARED_TEXTS || LIKE.test(query)) return false;
  admittedTexts.add(query);
  return true;
}

type UnsafeOptions = { prepare?: boolean } & Record<string, unknown>;
type SqlLike = { unsafe: (query: string, params?: unknown[], options?: UnsafeOptions) => unknown };

/**
 * The postgres.js client as drizzle sees it: `unsafe` (every statement drizzle sends) prepares what
 * `worthPreparing` admits, in and outside transactions (the callbacks of `begin` and `savepoint`
 * get the same wrapper). Preparing outside transactions lets postgres.js pipeline more onto a
 * pooled connection, which under load hit its race of reserved connections (porsager/postgres#823:
 * a transaction's connection back in the pool, UNSAFE_TRANSACTION 500s, 1–3 in 7,500 learner
 * requests); db/patches/postgres+3.4.9.patch fixes that race (db/postgres-begin-race.test.ts).
 * Behind PgBouncer in transaction mode, named statements need its `max_prepared_statements`
 * (1.21 or later; docs/operations/scale-out.md).
 */
function preparing<T extends object>(client: T): T {
  return new Proxy(client, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target) as unknown;
      if (typeof value !== "function") return value;
      if (prop === "unsafe") {
        return (query: string, params?: unknown[], options?: UnsafeOptions) =>
          (target as unknown as SqlLike).unsafe(query, params, { ...options, prepare: options?.prepare === true || worthPreparing(query, params) });
      }
      if (prop === "begin" || prop === "savepoint") {
        return (...args: unknown[]) => {
          const i = args.findIndex((a) => typeof a === "function");
          if (i >= 0) {
            const body = args[i] as (inner: object) => unknown;
            args[i] = (inner: object) => body(preparing(inner));
          }
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      }
      return (value as (...a: unknown[]) => unknown).bind(target);
    },
  });
}

let factory: () => Promise<DbHandle> = () => openDatabase({ url: env.databaseUrl, dataDir: env.dataDir, migrate: true });
let handle: Promise<DbHandle> | null = null;
let opened: DbHandle | null = null;

/** Opens a PGlite (no url) or postgres.js (url) database and optionally migrates it. */
export async function openDatabase(opts: {
  url?: string;
  dataDir?: string;
  loadDataDir?: Blob;
  migrate?: boolean;
  max?: number;
  /** Called with each statement sent to the server (postgres.js only): benches count round trips with it. */
  onQuery?: (query: string) => void;
}): Promise<DbHandle> {
  if (opts.url) {
    const { default: postgres } = await import("postgres");
    const { drizzle } = await import("drizzle-orm/postgres-js");
    // The pool reconnects by itself after a server restart: queries in flight fail (the
    // routes answer 503), the next ones open fresh connections. Nothing here caches a socket.
    const client = postgres(opts.url, {
      max: opts.max ?? 10,
      onnotice: () => {},
      connect_timeout: 5,
      idle_timeout: 60,
      backoff: reconnectDelay,
      // Short indexed queries only: JIT compiling them costs more than running them (it added
      // ~1 s to the province learner table whose cost estimate crossed jit_above_cost).
      connection: { jit: "off" },
      ...(opts.onQuery ? { debug: (_connection: number, query: string) => opts.onQuery!(query) } : {}),
    });
    const db = drizzle({ client: preparing(client), schema, casing: "snake_case" }) as unknown as Db;
    // After drizzle(), which installs its own json/date serializers.
    Object.assign(client.options.serializers, nulFreeSerializers());
    if (opts.migrate) {
      const { migrate } = await import("drizzle-orm/postgres-js/migrator");
      // Several app processes may start together: serialise migrations with an advisory lock
      // held on one reserved connection while the migrator uses the rest of the pool.
      const lock = await client.reserve();
      try {
        await lock`select pg_advisory_lock(727274)`;
        await migrate(db as never, { migrationsFolder });
        await lock`select pg_advisory_unlock(727274)`;
      } finally {
        lock.release();
      }
    }
    // /healthz asks on its own connection: a busy pool is load, not an outage.
    const probe = postgres(opts.url, { max: 1, onnotice: () => {}, connect_timeout: 5, idle_timeout: 60, backoff: reconnectDelay });
    return {
      db,
      engine: "postgres",
      queueTarget: { url: opts.url },
      ping: () => probe`select 1`,
      close: async () => {
        await Promise.all([client.end({ timeout: 2 }), probe.end({ timeout: 2 })]);
      },
    };
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  let dir: string | undefined;
  let unlock = async () => {};
  if (opts.dataDir) {
    unlock = await lockDataDir(opts.dataDir);
    dir = path.join(opts.dataDir, "pglite");
    await mkdir(dir, { recursive: true });
  }
  let client: import("@electric-sql/pglite").PGlite;
  try {
    client = new PGlite({ dataDir: dir, loadDataDir: opts.loadDataDir, serializers: nulFreeSerializers() });
    await client.waitReady;
  } catch (error) {
    await unlock();
    throw dir ? new DataDirError(`Sigap cannot open its database in ${dir}: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`) : error;
  }
  const db = drizzle({ client, schema, casing: "snake_case" }) as unknown as Db;
  if (opts.migrate) {
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    await migrate(drizzle({ client }), { migrationsFolder });
  }
  const close = async () => {
    await client.close();
    await unlock();
  };
  return { db, engine: "pglite", close, alive: () => !client.closed, queueTarget: { pglite: client } };
}

function getHandle(): Promise<DbHandle> {
  // Never keep a dead engine or a failed open: the next request tries again.
  if (opened?.alive && !opened.alive()) {
    handle = null;
    opened = null;
  }
  if (!handle) {
    const pending = factory();
    handle = pending;
    pending.then(
      (h) => {
        if (handle === pending) opened = h;
      },
      () => {
        if (handle === pending) handle = null;
      },
    );
  }
  return handle;
}

// ---- the read replica (DATABASE_REPLICA_URL): report reads, unless this browser just wrote ----

/** Set on the answer to a signed-in user's form post: until it expires their report reads stay on the primary. */
export const WROTE_COOKIE = "sigap_tulis";

let replicaFactory: (() => Promise<DbHandle>) | null = null;
let replicaHandle: Promise<DbHandle> | null = null;

function getReplicaHandle(): Promise<DbHandle> | null {
  const url = env.databaseReplicaUrl;
  const make = replicaFactory ?? (url ? () => openDatabase({ url, max: 10 }) : null);
  if (!make) return null;
  if (!replicaHandle) {
    const pending = make();
    replicaHandle = pending;
    pending.catch(() => {
      if (replicaHandle === pending) replicaHandle = null;
    });
  }
  return replicaHandle;
}

/** True when a replica is configured (DATABASE_REPLICA_URL with DATABASE_URL, or a test's factory). */
export function hasReplica(): boolean {
  return !!replicaFactory || !!env.databaseReplicaUrl;
}

/** Tests and benches point report reads at another database (null: back to DATABASE_REPLICA_URL). */
export function setReplicaFactory(next: (() => Promise<DbHandle>) | null) {
  const old = replicaHandle;
  replicaFactory = next;
  replicaHandle = null;
  if (old) void old.then((h) => h.close()).catch(() => {});
}

/** When this browser last sent a form (epoch ms, from its cookie), or null. */
function wroteAt(request: Request): number | null {
  const m = new RegExp(`(?:^|;\\s*)${WROTE_COOKIE}=(\\d{1,15})(?:;|$)`).exec(request.headers.get("cookie") ?? "");
  return m ? Number(m[1]) : null;
}

/**
 * The database for read-only report traffic (dashboard, learner table, exports, JP ledger, public
 * verification): the replica when one is configured, else the primary. A browser that sent a form
 * in the last READ_YOUR_WRITES_SECONDS reads from the primary, so a manager sees the assignment
 * they just made and an admin the revocation they just recorded (read-your-writes); everyone
 * else may see the replica's lag (normally under a second). Never use it for a write or for a
 * read inside a write's transaction.
 */
export async function readDb(request: Request | null): Promise<Db> {
  const replica = getReplicaHandle();
  if (!replica) return getDb();
  const wrote = request ? wroteAt(request) : null;
  if (wrote !== null && Date.now() - wrote < env.readYourWritesSeconds * 1000) return getDb();
  return (await replica).db;
}

/** The cookie that keeps this browser's reads on the primary for a while, or null without a replica. */
export function wroteCookie(secure: boolean): string | null {
  if (!hasReplica() || env.readYourWritesSeconds === 0) return null;
  return `${WROTE_COOKIE}=${Date.now()}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${env.readYourWritesSeconds}${secure ? "; Secure" : ""}`;
}

/** The open handle (tests put it back after simulating an outage with another factory). */
export function currentDbHandle(): Promise<DbHandle> {
  return getHandle();
}

export async function getDb(): Promise<Db> {
  return (await getHandle()).db;
}

export async function getEngine() {
  return (await getHandle()).engine;
}

/** Tests and CLIs swap the connection (e.g. a per-file PGlite clone). */
export function setDbFactory(next: () => Promise<DbHandle>) {
  factory = next;
  handle = null;
  opened = null;
}

export async function closeDb() {
  const current = handle;
  handle = null;
  opened = null;
  const replica = replicaHandle;
  replicaHandle = null;
  if (replica) await (await replica.catch(() => null))?.close();
  if (current) await (await current).close();
}

/** True when the database answers within `timeoutMs`. */
export async function pingDb(timeoutMs = 3000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  try {
    const handle = await getHandle();
    await Promise.race([
      handle.ping ? handle.ping() : handle.db.execute(sql`select 1`),
      new Promise((_, reject) => (timer = setTimeout(() => reject(new Error("timeout")), timeoutMs))),
    ]);
    return true;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

/** postgres.js answers a raw statement with an array of rows, PGlite with an object holding `rows`. */
function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : ((result as { rows?: T[] }).rows ?? [])) as T[];
}

/** The rows of a raw `db.execute(sql…)`. */
export async function queryRows<T>(db: Db, query: SQL): Promise<T[]> {
  return rowsOf<T>(await db.execute(query));
}
