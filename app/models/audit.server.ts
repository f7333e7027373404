import { auditLog } from "../../db/schema";
import { getDb, type Db } from "~/utils/db.server";

/** Append-only record of who changed what; pass `db` to write inside a transaction. */
export async function audit(
  entry: { actorId: string | null; action: string; targetType: string; targetId: string; details?: Record<string, unknown> },
  db?: Db,
) {
  db ??= await getDb();
  await db.insert(auditLog).values({ ...entry, details: entry.details ?? {} });
}
