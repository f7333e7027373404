import { auditLog } from "../../db/schema";
import type { Db } from "~/utils/db.server";

/** Append-only record of who changed what; written on `db`, so inside the caller's transaction when it is one. */
export async function audit(
  db: Db,
  entry: { actorId: string | null; action: string; targetType: string; targetId: string; details?: Record<string, unknown> },
) {
  await db.insert(auditLog).values({ ...entry, details: entry.details ?? {} });
}
