import { randomUUID } from "node:crypto";
import { and, asc, eq, like } from "drizzle-orm";
import { agencies, type Agency } from "../../db/schema";
import type { Db } from "~/utils/db.server";

export type AgencyKind = Agency["kind"];

export async function createAgency(db: Db, input: { code: string; name: string; kind: AgencyKind; parentId?: string | null }): Promise<Agency> {
  const id = randomUUID();
  let path = `/${id}/`;
  if (input.parentId) {
    const parent = await getAgency(db, input.parentId);
    if (!parent) throw new Error(`Unknown parent agency ${input.parentId}`);
    path = `${parent.path}${id}/`;
  }
  const [row] = await db
    .insert(agencies)
    .values({ id, code: input.code, name: input.name, kind: input.kind, parentId: input.parentId ?? null, path })
    .returning();
  return row!;
}

export async function getAgency(db: Db, id: string): Promise<Agency | undefined> {
  const [row] = await db.select().from(agencies).where(eq(agencies.id, id)).limit(1);
  return row;
}

export async function getAgencyByCode(db: Db, code: string): Promise<Agency | undefined> {
  const [row] = await db.select().from(agencies).where(eq(agencies.code, code)).limit(1);
  return row;
}

/** The agency and all its descendants, ordered by path so parents precede children. */
export async function agencySubtree(db: Db, root: Pick<Agency, "path">): Promise<Agency[]> {
  return db
    .select()
    .from(agencies)
    .where(like(agencies.path, `${root.path}%`))
    .orderBy(asc(agencies.path));
}

export async function allAgencies(db: Db): Promise<Agency[]> {
  return db.select().from(agencies).orderBy(asc(agencies.path));
}

export async function agencyInSubtree(db: Db, rootPath: string, agencyId: string): Promise<Agency | undefined> {
  const [row] = await db
    .select()
    .from(agencies)
    .where(and(eq(agencies.id, agencyId), like(agencies.path, `${rootPath}%`)))
    .limit(1);
  return row;
}
