import { randomUUID } from "node:crypto";
import { and, asc, eq, like } from "drizzle-orm";
import { agencies, type Agency } from "../../db/schema";
import { getDb, type Db } from "~/utils/db.server";

export type AgencyKind = Agency["kind"];

export async function createAgency(input: { code: string; name: string; kind: AgencyKind; parentId?: string | null }, db?: Db): Promise<Agency> {
  db ??= await getDb();
  const id = randomUUID();
  let path = `/${id}/`;
  if (input.parentId) {
    const parent = await getAgency(input.parentId, db);
    if (!parent) throw new Error(`Unknown parent agency ${input.parentId}`);
    path = `${parent.path}${id}/`;
  }
  const [row] = await db
    .insert(agencies)
    .values({ id, code: input.code, name: input.name, kind: input.kind, parentId: input.parentId ?? null, path })
    .returning();
  return row!;
}

export async function getAgency(id: string, db?: Db): Promise<Agency | undefined> {
  db ??= await getDb();
  const [row] = await db.select().from(agencies).where(eq(agencies.id, id)).limit(1);
  return row;
}

export async function getAgencyByCode(code: string, db?: Db): Promise<Agency | undefined> {
  db ??= await getDb();
  const [row] = await db.select().from(agencies).where(eq(agencies.code, code)).limit(1);
  return row;
}

/** The agency and all its descendants, ordered by path so parents precede children. */
export async function agencySubtree(root: Pick<Agency, "path">): Promise<Agency[]> {
  const db = await getDb();
  return db
    .select()
    .from(agencies)
    .where(like(agencies.path, `${root.path}%`))
    .orderBy(asc(agencies.path));
}

export async function allAgencies(): Promise<Agency[]> {
  const db = await getDb();
  return db.select().from(agencies).orderBy(asc(agencies.path));
}

export async function agencyInSubtree(rootPath: string, agencyId: string): Promise<Agency | undefined> {
  const db = await getDb();
  const [row] = await db
    .select()
    .from(agencies)
    .where(and(eq(agencies.id, agencyId), like(agencies.path, `${rootPath}%`)))
    .limit(1);
  return row;
}
