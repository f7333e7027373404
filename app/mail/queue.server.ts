/**
 * The mail queue (decision 019): pg-boss on the app's own database — PostgreSQL through its own
 * small pool, embedded PGlite through a small adapter (./pg-boss-db.server). A message is a row in
 * mail_messages (unique key, status, attempts, last error); a pg-boss job only says "deliver
 * message <id>" and carries the message's id as its own, so handing a message over twice makes
 * one job. The worker claims the row before sending, so a duplicate job or a second app instance
 * never sends it twice; a failed send goes back to "queued" and pg-boss retries it with growing
 * delays. A tick (pg-boss cron, every minute, run by one instance) enqueues due reminders.
 *
 * Two queues, so a person waiting for a link never waits behind the minute tick's reminders:
 * SEND_QUEUE carries what someone waits for (reset and set-password links), BULK_QUEUE the rest,
 * where event notices (certificate issued or suspended, assignment) go before scheduled reminders
 * and digests by pg-boss priority.
 */
import PgBoss from "pg-boss";
import { and, asc, eq, lt, sql } from "drizzle-orm";
import { mailMessages } from "../../db/schema";
import { claimMail, finishMail, insertMail, type NewMail } from "~/models/mail.server";
import { currentDbHandle, getDb, type Db, type DbHandle } from "~/utils/db.server";
import { pgBossOnDrizzle, pgBossOnPglite } from "./pg-boss-db.server";
import { SEND_RETRY } from "./schedule";
import type { MailKind } from "./templates";
import { closeSmtpTransport, sendViaSmtp, smtpTransport } from "./transport.server";

/** Messages a person is waiting for, on their own queue. */
export const SEND_QUEUE = "mail-send";
/** Notices, reminders and digests. */
export const BULK_QUEUE = "mail-bulk";
export const TICK_QUEUE = "mail-tick";

/** What a person waits for right now (a link to act on): these never queue behind reminders. */
const WAITED_FOR: ReadonlySet<MailKind> = new Set(["reset", "setPassword"]);
/** Mail that follows an event, ahead of scheduled reminders and digests in the bulk queue. */
const NOTICES: ReadonlySet<MailKind> = new Set(["certificateIssued", "suspended", "assigned"]);

/** The queue and pg-boss priority (higher goes first) of a kind of message. */
export function routeOf(kind: MailKind | string): { queue: string; priority: number } {
  if (WAITED_FOR.has(kind as MailKind)) return { queue: SEND_QUEUE, priority: 10 };
  return { queue: BULK_QUEUE, priority: NOTICES.has(kind as MailKind) ? 5 : 0 };
}

/**
 * How the workers poll. The waited-for queue every second; the bulk queue fetches 20 jobs at a
 * time (one job per poll was 30 messages a minute: the demo's first tick of ~50 reminders took
 * almost two minutes to drain, and a reset link behind it waited as long).
 */
export const WORKER_DEFAULTS = { sendPollSeconds: 1, bulkPollSeconds: 2, bulkBatchSize: 20 } as const;

/** The schema version pg-boss 10.4.2 makes and works with. */
const PG_BOSS_SCHEMA = 24;

export type MailWorker = { boss: PgBoss; stop: () => Promise<void> };
type SendJob = { id: string };

let running: MailWorker | null = null;
let tickHandler: (db: Db, now: Date) => Promise<unknown> = async () => {};

/** What the tick does (entry.server sets the reminders; this file does not import every model). */
export function onMailTick(fn: (db: Db, now: Date) => Promise<unknown>) {
  tickHandler = fn;
}

/**
 * Delivers one message: claims it, then sends it through SMTP_URL or leaves it in the outbox.
 * A failure puts it back to "queued" and rethrows so pg-boss retries; the last attempt marks it "failed".
 */
export async function deliverMail(db: Db, id: string, lastAttempt: boolean): Promise<void> {
  const message = await claimMail(db, id);
  if (!message) return;
  const transport = smtpTransport();
  if (!transport) {
    await finishMail(db, id, { status: "outbox" });
    return;
  }
  try {
    await sendViaSmtp(transport, { id: message.id, to: message.toAddress, subject: message.subject, text: message.body });
    await finishMail(db, id, { status: "sent" });
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    await finishMail(db, id, { status: lastAttempt ? "failed" : "queued", error: text });
    if (!lastAttempt) throw error;
  }
}

export type MailWorkerOptions = {
  /** Both queues' polling interval (tests: 0.5). */
  pollingIntervalSeconds?: number;
  bulkBatchSize?: number;
  schedule?: boolean;
  retry?: { retryLimit?: number; retryDelay?: number; retryBackoff?: boolean };
};

/** Starts a pg-boss instance working the mail queues on this database handle. Tests start two to prove a message goes out once. */
export async function createMailWorker(handle: DbHandle, opts: MailWorkerOptions = {}): Promise<MailWorker> {
  const target = handle.queueTarget;
  if (!target) throw new Error("this database handle cannot run the mail queue");
  const schedule = opts.schedule ?? true;
  const boss =
    "pglite" in target ? new PgBoss({ db: pgBossOnPglite(target.pglite), schedule }) : new PgBoss({ connectionString: target.url, max: 3, schedule });
  boss.on("error", (error: Error) => console.warn(`[sigap] mail queue: ${error.message}`));
  await refuseNewerQueueSchema(handle.db);
  await boss.start();
  // pg-boss 10 has no cap on the backoff; SEND_RETRY's five retries from one minute stay under it.
  const { retryDelayMax: _cap, ...retry } = { ...SEND_RETRY, ...opts.retry };
  for (const queue of [SEND_QUEUE, BULK_QUEUE]) {
    // createQueue keeps an existing queue as it is; explicit retry settings (tests) are applied to it.
    await boss.createQueue(queue, { name: queue, ...retry });
    if (opts.retry) await boss.updateQueue(queue, { name: queue, ...retry });
  }
  await boss.createQueue(TICK_QUEUE, { name: TICK_QUEUE, retryLimit: 0 });

  const sendPoll = opts.pollingIntervalSeconds ?? WORKER_DEFAULTS.sendPollSeconds;
  const bulkPoll = opts.pollingIntervalSeconds ?? WORKER_DEFAULTS.bulkPollSeconds;
  const workerIds = new Map<string, string>();
  /**
   * One batch: each job settles on its own (a refused message is failed for retry, the others
   * complete). A full batch means more are waiting: the worker fetches again at once instead of
   * after its polling interval.
   */
  const deliverBatch = (queue: string, batchSize: number) => async (jobs: PgBoss.JobWithMetadata<SendJob>[]) => {
    for (const job of jobs) {
      try {
        await deliverMail(handle.db, job.data.id, job.retryCount >= job.retryLimit);
      } catch (error) {
        // Failing the job puts it in pg-boss's retry state; the batch's completion skips it.
        await boss.fail(queue, job.id, { message: error instanceof Error ? error.message : String(error) });
      }
    }
    const id = workerIds.get(queue);
    if (jobs.length >= batchSize && id) boss.notifyWorker(id);
  };
  const work = async (queue: string, pollingIntervalSeconds: number, batchSize: number) => {
    workerIds.set(queue, await boss.work<SendJob>(queue, { pollingIntervalSeconds, batchSize, includeMetadata: true }, deliverBatch(queue, batchSize)));
  };
  await work(SEND_QUEUE, sendPoll, 5);
  await work(BULK_QUEUE, bulkPoll, opts.bulkBatchSize ?? WORKER_DEFAULTS.bulkBatchSize);
  await boss.work(TICK_QUEUE, { pollingIntervalSeconds: bulkPoll }, async (jobs: PgBoss.Job<object>[]) => {
    if (jobs.length) await runMailTick(handle.db, new Date());
  });
  if (schedule) await boss.schedule(TICK_QUEUE, "* * * * *");
  return { boss, stop: () => boss.stop({ graceful: true, timeout: 5000 }) };
}

/**
 * pg-boss 10 keeps working on a schema a newer pg-boss made (it only migrates up) and then fails
 * query by query. A database first started with pg-boss 12 (Sigap before decision 019's change to
 * 10) has schema 46: say so once instead, and leave the messages queued.
 */
async function refuseNewerQueueSchema(db: Db) {
  const rows = await db
    .execute(sql`select version from pgboss.version`)
    .then((r) => (Array.isArray(r) ? r : (r as { rows: unknown[] }).rows) as { version: number | string }[])
    .catch(() => []);
  const found = Number(rows[0]?.version ?? 0);
  if (found > PG_BOSS_SCHEMA)
    throw new Error(`the pgboss schema (version ${found}) was made by a newer pg-boss than Sigap's; drop it to recreate: DROP SCHEMA pgboss CASCADE`);
}

/** Hands a recorded message to its queue; the job's id is the message's, so a second hand-over adds nothing. */
async function handOver(boss: PgBoss, message: { id: string; kind: string }, db?: Db) {
  const { queue, priority } = routeOf(message.kind);
  await boss.send(queue, { id: message.id }, { id: message.id, priority, ...(db ? { db: pgBossOnDrizzle(db) } : {}) });
}

/** Once per minute (and on demand in tests): due reminders, then messages no job carries yet. */
export async function runMailTick(db: Db, now: Date): Promise<void> {
  await tickHandler(db, now);
  const worker = running;
  if (!worker) return;
  // Queued for over a minute: enqueued while no worker ran here (a CLI, pg-boss down), or simply
  // waiting in a long queue — for those the hand-over finds their job and adds nothing.
  const stranded = await db
    .select({ id: mailMessages.id, kind: mailMessages.kind })
    .from(mailMessages)
    .where(and(eq(mailMessages.status, "queued"), lt(mailMessages.updatedAt, new Date(now.getTime() - 60_000))))
    .orderBy(asc(mailMessages.createdAt))
    .limit(500);
  for (const message of stranded) await handOver(worker.boss, message);
}

/**
 * Records a message (idempotent by its key) and, when this process runs the queue, hands it to
 * pg-boss in the same transaction. Without a running queue it waits as "queued" for the tick.
 */
export async function enqueueMail(db: Db, mail: NewMail): Promise<string | null> {
  const id = await insertMail(db, mail);
  if (id) await handOverMail(db, { id, kind: mail.content.kind });
  return id;
}

/** The second half of `enqueueMail`, for a message its caller inserted itself (insertMailQuery). */
export async function handOverMail(db: Db, message: { id: string; kind: MailKind }) {
  if (running) await handOver(running.boss, message, db);
}

/** The server's worker (app/cli/serve.ts → entry.server startup). */
export async function startMailQueue(): Promise<MailWorker> {
  if (running) return running;
  await getDb();
  const worker = await createMailWorker(await currentDbHandle());
  running = worker;
  return worker;
}

/** Lets tests make a worker the process's own (so enqueueMail hands jobs to it), or clear it. */
export function useMailWorker(worker: MailWorker | null) {
  running = worker;
}

export async function stopMailQueue() {
  const worker = running;
  running = null;
  await worker?.stop();
  closeSmtpTransport();
}
