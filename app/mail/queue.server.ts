/**
 * The mail queue (decision 019): pg-boss on the app's own database — PostgreSQL through its own
 * small pool, embedded PGlite through pg-boss's PGlite adapter. A message is a row in
 * mail_messages (unique key, status, attempts, last error); a pg-boss job only says "deliver
 * message <id>". The worker claims the row before sending, so a duplicate job or a second app
 * instance never sends it twice; a failed send goes back to "queued" and pg-boss retries it with
 * growing delays. A tick (pg-boss cron, every minute, run by one instance) enqueues due reminders.
 */
import { sql } from "drizzle-orm";
import { fromDrizzle, fromPglite, PgBoss, type Job } from "pg-boss";
import { claimMail, finishMail, insertMail, strandedMailIds, type NewMail } from "~/models/mail.server";
import { currentDbHandle, getDb, type Db, type DbHandle } from "~/utils/db.server";
import { SEND_RETRY } from "./schedule";
import { sendViaSmtp, smtpTransport } from "./transport.server";

export const SEND_QUEUE = "mail-send";
export const TICK_QUEUE = "mail-tick";

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

/** Starts a pg-boss instance working the mail queues on this database handle. Tests start two to prove a message goes out once. */
export async function createMailWorker(
  handle: DbHandle,
  opts: { pollingIntervalSeconds?: number; schedule?: boolean; retry?: { retryLimit?: number; retryDelay?: number; retryBackoff?: boolean } } = {},
): Promise<MailWorker> {
  const target = handle.queueTarget;
  if (!target) throw new Error("this database handle cannot run the mail queue");
  const boss =
    "pglite" in target
      ? new PgBoss({ db: fromPglite(target.pglite), backend: "pglite", schedule: opts.schedule ?? true })
      : new PgBoss({ connectionString: target.url, max: 3, schedule: opts.schedule ?? true });
  boss.on("error", (error: Error) => console.warn(`[sigap] mail queue: ${error.message}`));
  await boss.start();
  // createQueue keeps an existing queue as it is; explicit retry settings (tests) are applied to it.
  await boss.createQueue(SEND_QUEUE, { ...SEND_RETRY, ...opts.retry });
  if (opts.retry) await boss.updateQueue(SEND_QUEUE, { ...SEND_RETRY, ...opts.retry });
  await boss.createQueue(TICK_QUEUE, { retryLimit: 0 });
  const poll = opts.pollingIntervalSeconds ?? 2;
  await boss.work<SendJob>(SEND_QUEUE, { pollingIntervalSeconds: poll, includeMetadata: true }, async (jobs) => {
    for (const job of jobs) {
      const { retryCount, retryLimit } = job as unknown as { retryCount: number; retryLimit: number };
      await deliverMail(handle.db, job.data.id, retryCount >= retryLimit);
    }
  });
  await boss.work(TICK_QUEUE, { pollingIntervalSeconds: poll }, async (jobs: Job<object>[]) => {
    if (jobs.length) await runMailTick(handle.db, new Date());
  });
  if (opts.schedule ?? true) await boss.schedule(TICK_QUEUE, "* * * * *");
  return { boss, stop: () => boss.stop({ graceful: true, timeout: 5000 }) };
}

/** Once per minute (and on demand in tests): due reminders, then messages no job carries yet. */
export async function runMailTick(db: Db, now: Date): Promise<void> {
  await tickHandler(db, now);
  const worker = running;
  if (!worker) return;
  for (const id of await strandedMailIds(db, new Date(now.getTime() - 60_000))) await worker.boss.send(SEND_QUEUE, { id });
}

/**
 * Records a message (idempotent by its key) and, when this process runs the queue, hands it to
 * pg-boss in the same transaction. Without a running queue it waits as "queued" for the tick.
 */
export async function enqueueMail(db: Db, mail: NewMail): Promise<string | null> {
  const id = await insertMail(db, mail);
  if (id && running) await running.boss.send(SEND_QUEUE, { id }, { db: fromDrizzle(db as never, sql) });
  return id;
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
}
