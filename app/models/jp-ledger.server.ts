/**
 * The JP ledger (/kelola/jp and its exports): per person in the manager's subtree, the JP of
 * their certified courses in a year against their rule (PNS: the 20 JP duty; PPPK: the 24 JP
 * cap), and every training record behind it.
 * Scoped in SQL by the person's current agency (`inScope`); revoked certificates do not count.
 */
import { and, asc, eq, inArray, isNull, ne, or, sql, type SQL } from "drizzle-orm";
import { agencies, certificateIssuance, certificates, enrollments, users, type Certificate } from "../../db/schema";
import type { AsnKind } from "~/certificates/jp";
import { JP_YEARLY_DUTY, PPPK_YEARLY_CAP } from "~/certificates/rules";
import type { TrainingRecord } from "~/certificates/siasn.server";
import type { Db } from "~/utils/db.server";
import { inScope, type Scope } from "~/utils/permissions.server";
import { resolveSignatory } from "./signatory.server";

/** `underDuty`: PNS under the 20 JP duty; `overCap`: PPPK over the 24 JP cap; both = either. */
export type JpFilters = { year: number; unitId: string | null; underDuty: boolean; overCap: boolean };
export const JP_PAGE_SIZE = 50;

const yearOf = (column: typeof certificates.issuedAt) => sql`extract(year from ${column} at time zone 'Asia/Jakarta')::int`;
/** A certificate that counts in the ledger of `year`. */
// Revoked and suspended certificates earn no JP (decision 011), here as on the learner's page.
const countsIn = (year: number) => and(isNull(certificates.revokedAt), isNull(certificates.suspendedAt), sql`${yearOf(certificates.issuedAt)} = ${year}`);

/**
 * People of the scope (and of the unit's subtree when given; a unit outside the scope matches
 * nobody). Admin accounts are platform operators, not trainees, and disabled accounts are gone.
 */
async function peopleWhere(db: Db, scope: Scope, unitId: string | null): Promise<SQL> {
  const conditions: (SQL | undefined)[] = [inScope(agencies.path, scope), ne(users.role, "admin"), eq(users.disabled, false)];
  if (unitId) {
    const [unit] = await db
      .select({ path: agencies.path })
      .from(agencies)
      .where(and(eq(agencies.id, unitId), inScope(agencies.path, scope)))
      .limit(1);
    conditions.push(unit ? inScope(agencies.path, { path: unit.path, all: false }) : sql`false`);
  }
  return and(...conditions)!;
}

function jpSum(year: number) {
  return sql<number>`coalesce((select sum(${certificates.jp}) from ${certificates} where ${certificates.userId} = ${users.id} and ${countsIn(year)}), 0)::float`;
}

/** The people who need attention under the filters' rules, or no condition. */
function standingWhere(f: JpFilters): SQL | undefined {
  if (!f.underDuty && !f.overCap) return undefined;
  const jp = jpSum(f.year);
  return or(
    f.underDuty ? and(eq(users.asnKind, "pns"), sql`${jp} < ${JP_YEARLY_DUTY}`) : undefined,
    f.overCap ? and(eq(users.asnKind, "pppk"), sql`${jp} > ${PPPK_YEARLY_CAP}`) : undefined,
  );
}

export type JpPerson = { id: string; name: string; nip: string | null; unit: string; asnKind: AsnKind; jp: number; records: JpRecordView[] };
export type JpRecordView = { code: string; courseTitle: string; courseVersion: string; jp: number; startedAt: Date; completedAt: Date };

/** One page of people with their JP in the year, by name; `after` is the previous page's last person id (no names in URLs). */
export async function jpLedgerPage(db: Db, scope: Scope, f: JpFilters, after: string | null): Promise<{ people: JpPerson[]; next: string | null }> {
  const jp = jpSum(f.year);
  const rows = await db
    .select({ id: users.id, name: users.name, nip: users.nip, unit: agencies.name, asnKind: users.asnKind, jp })
    .from(users)
    .innerJoin(agencies, eq(agencies.id, users.agencyId))
    .where(
      and(
        await peopleWhere(db, scope, f.unitId),
        standingWhere(f),
        after ? sql`(${users.name}, ${users.id}) > ((select u2.name from ${users} u2 where u2.id = ${after}), ${after})` : undefined,
      ),
    )
    .orderBy(asc(users.name), asc(users.id))
    .limit(JP_PAGE_SIZE + 1);
  const page = rows.slice(0, JP_PAGE_SIZE);
  const records = page.length
    ? await recordsOf(
        db,
        page.map((p) => p.id),
        f.year,
      )
    : [];
  const people = page.map((p) => ({ ...p, jp: Math.round(p.jp * 100) / 100, records: records.filter((r) => r.userId === p.id) }));
  const last = page[page.length - 1];
  return { people, next: rows.length > JP_PAGE_SIZE && last ? last.id : null };
}

/** When the course started: the enrollment's start when it precedes the certificate, else the issue day. */
const startedAt = sql<Date>`least(coalesce(${enrollments.startedAt}, ${certificates.issuedAt}), ${certificates.issuedAt})`.mapWith(certificates.issuedAt);

async function recordsOf(db: Db, userIds: string[], year: number) {
  return db
    .select({
      userId: certificates.userId,
      code: certificates.code,
      courseTitle: certificates.courseTitle,
      courseVersion: certificates.courseVersion,
      jp: certificates.jp,
      startedAt,
      completedAt: certificates.issuedAt,
    })
    .from(certificates)
    .leftJoin(enrollments, and(eq(enrollments.userId, certificates.userId), eq(enrollments.courseId, certificates.courseId)))
    .where(and(inArray(certificates.userId, userIds), countsIn(year)))
    .orderBy(asc(certificates.issuedAt));
}

/** The years that have certificates in the scope, newest first, always including `current`. */
export async function jpYears(db: Db, scope: Scope, current: number): Promise<number[]> {
  const rows = await db
    .selectDistinct({ year: sql<number>`${yearOf(certificates.issuedAt)}` })
    .from(certificates)
    .innerJoin(users, eq(users.id, certificates.userId))
    .innerJoin(agencies, eq(agencies.id, users.agencyId))
    .where(inScope(agencies.path, scope));
  return [...new Set([current, ...rows.map((r) => Number(r.year))])].sort((a, b) => b - a);
}

export type LedgerRecord = TrainingRecord & { certificateId: string; certificate: Certificate };

/**
 * Every training record matching the filters, one per certificate, in batches ordered by person
 * and date (the CSV, XLSX and ZIP exports stream these). Keyset on (name, user, issued, id).
 */
type Cursor = { name: string; userId: string; issuedAt: Date; id: string };
type LedgerRow = { cert: Certificate; name: string; userNip: string | null; institution: string | null; startedAt: Date };
// Milliseconds, as JavaScript dates carry them: the keyset compares what it read back.
const issuedMs = sql`date_trunc('milliseconds', ${certificates.issuedAt})`;

export async function* jpLedgerRecords(db: Db, scope: Scope, f: JpFilters, batch = 1000): AsyncGenerator<LedgerRecord[]> {
  const where = await peopleWhere(db, scope, f.unitId);
  const under = standingWhere(f);
  const institutions = new Map<string, string>();
  let c: Cursor | null = null;
  for (;;) {
    const rows: LedgerRow[] = await db
      .select({ cert: certificates, name: users.name, userNip: users.nip, institution: certificateIssuance.institution, startedAt })
      .from(certificates)
      .innerJoin(users, eq(users.id, certificates.userId))
      .innerJoin(agencies, eq(agencies.id, users.agencyId))
      .leftJoin(enrollments, and(eq(enrollments.userId, certificates.userId), eq(enrollments.courseId, certificates.courseId)))
      .leftJoin(certificateIssuance, eq(certificateIssuance.certificateId, certificates.id))
      .where(
        and(
          where,
          countsIn(f.year),
          under,
          c
            ? sql`(${users.name}, ${users.id}, ${issuedMs}, ${certificates.id}) > (${c.name}, ${c.userId}, ${c.issuedAt.toISOString()}::timestamptz, ${c.id})`
            : undefined,
        ),
      )
      .orderBy(asc(users.name), asc(users.id), asc(issuedMs), asc(certificates.id))
      .limit(batch);
    if (rows.length === 0) return;
    const out: LedgerRecord[] = [];
    for (const r of rows) {
      let institution = r.institution;
      if (!institution) {
        // Issued before signatories existed: the institution that would sign it today.
        institution = institutions.get(r.cert.agencyId) ?? (await resolveSignatory(db, r.cert.agencyId)).institution;
        institutions.set(r.cert.agencyId, institution);
      }
      out.push({
        certificateId: r.cert.id,
        certificate: r.cert,
        nip: r.cert.learnerNip ?? r.userNip,
        name: r.cert.learnerName,
        courseTitle: r.cert.courseTitle,
        courseVersion: r.cert.courseVersion,
        jp: r.cert.jp,
        institution,
        certificateCode: r.cert.code,
        startedAt: r.startedAt,
        completedAt: r.cert.issuedAt,
      });
    }
    yield out;
    const last = rows[rows.length - 1]!;
    c = { name: last.name, userId: last.cert.userId, issuedAt: last.cert.issuedAt, id: last.cert.id };
    if (rows.length < batch) return;
  }
}

/**
 * How many people of the scope are under the yearly JP duty in `year`, out of how many, and the
 * `limit` with the fewest JP (then by name) — the head report's list.
 */
export async function underDutySummary(db: Db, scope: Scope, year: number, limit: number) {
  const jp = jpSum(year);
  // The 20 JP duty binds PNS only: a PPPK has a cap, not a minimum (decision 015).
  const where = and(await peopleWhere(db, scope, null), eq(users.asnKind, "pns"));
  const [counts, lowest] = await Promise.all([
    db
      .select({ people: sql<number>`count(*)::int`, under: sql<number>`count(*) filter (where ${jp} < ${JP_YEARLY_DUTY})::int` })
      .from(users)
      .innerJoin(agencies, eq(agencies.id, users.agencyId))
      .where(where),
    db
      .select({ id: users.id, name: users.name, nip: users.nip, unit: agencies.name, jp })
      .from(users)
      .innerJoin(agencies, eq(agencies.id, users.agencyId))
      .where(and(where, sql`${jp} < ${JP_YEARLY_DUTY}`))
      .orderBy(asc(jp), asc(users.name), asc(users.id))
      .limit(limit),
  ]);
  return {
    year,
    duty: JP_YEARLY_DUTY,
    people: counts[0]?.people ?? 0,
    under: counts[0]?.under ?? 0,
    lowest: lowest.map((p) => ({ ...p, jp: Math.round(Number(p.jp) * 100) / 100 })),
  };
}
