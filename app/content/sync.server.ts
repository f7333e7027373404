import { randomUUID } from "node:crypto";
import { and, eq, notInArray, sql } from "drizzle-orm";
import { courses, courseVersions, lessons } from "../../db/schema";
import { lessonIdIndex, type LessonIds } from "~/models/course.server";
import { getDb } from "~/utils/db.server";
import { mdxToPlainText } from "./plain-text";
import { getContentTree, type ContentTree } from "./repository.server";

export type SyncResult = { courses: number; lessons: number; newVersions: string[] };

/**
 * Upserts courses and lessons from the content tree in one transaction (idempotent).
 * Lessons whose file is gone are marked inactive, never deleted, so progress keeps its target.
 */
export async function syncContent(tree: ContentTree): Promise<SyncResult> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    // Several processes may start at once; one syncs at a time.
    await tx.execute(sql`select pg_advisory_xact_lock(727275)`);
    const result: SyncResult = { courses: 0, lessons: 0, newVersions: [] };
    for (const c of tree.courses) {
      const values = {
        slug: c.slug,
        title: c.meta.title,
        summary: c.meta.summary,
        level: c.meta.level,
        version: c.meta.version,
        minutes: c.meta.minutes,
        jp: c.meta.jp,
        passPercent: c.meta.certificate.passPercent,
        validMonths: c.meta.certificate.validMonths,
        position: c.meta.order,
        draft: c.meta.draft,
        contentHash: c.hash,
      };
      const [course] = await tx
        .insert(courses)
        .values({ id: randomUUID(), ...values })
        .onConflictDoUpdate({ target: courses.slug, set: { ...values, updatedAt: new Date() } })
        .returning({ id: courses.id });
      const added = await tx
        .insert(courseVersions)
        .values({ id: randomUUID(), courseId: course!.id, version: c.meta.version, contentHash: c.hash })
        .onConflictDoNothing()
        .returning({ id: courseVersions.id });
      if (added.length) result.newVersions.push(`${c.slug}@${c.meta.version}`);
      result.courses++;
      for (const l of c.lessons) {
        const lv = {
          courseId: course!.id,
          slug: l.slug,
          title: l.meta.title,
          summary: l.meta.summary,
          kind: l.meta.kind,
          minutes: l.meta.minutes,
          position: l.position,
          draft: l.meta.draft,
          active: true,
          contentHash: l.hash,
          searchText: [l.meta.title, l.meta.summary, ...l.meta.objectives, mdxToPlainText(l.body)].join(" \n"),
        };
        await tx
          .insert(lessons)
          .values({ id: randomUUID(), ...lv })
          .onConflictDoUpdate({ target: [lessons.courseId, lessons.slug], set: { ...lv, updatedAt: new Date() } });
        result.lessons++;
      }
      const present = c.lessons.map((l) => l.slug);
      await tx
        .update(lessons)
        .set({ active: false })
        .where(and(eq(lessons.courseId, course!.id), present.length ? notInArray(lessons.slug, present) : undefined));
    }
    return result;
  });
}

type Synced = { db: unknown; key: string; ids: Map<string, LessonIds> };
let lastSynced: Synced | null = null;
let pending: Promise<Synced> | null = null;
// Production reads the tree once: its key is made once too, not on every page view.
const treeKeys = new WeakMap<ContentTree, string>();
function treeKey(tree: ContentTree): string {
  let key = treeKeys.get(tree);
  if (key === undefined) {
    key = tree.courses.map((c) => c.hash + c.lessons.map((l) => l.hash).join("")).join("|");
    treeKeys.set(tree, key);
  }
  return key;
}

/**
 * The content tree, synced into the database whenever it changed since this process last
 * synced (every file's hash is the key), so dev edits and fresh deploys need no extra step.
 */
export async function getSyncedContentTree(): Promise<ContentTree> {
  return (await getSyncedContent()).tree;
}

/** The synced tree plus the database ids of its lessons (ids never change once synced, so no query per request). */
export async function getSyncedContent(): Promise<{ tree: ContentTree; ids: Map<string, LessonIds> }> {
  const tree = await getContentTree();
  const key = treeKey(tree);
  const db = await getDb();
  if (!lastSynced || lastSynced.key !== key || lastSynced.db !== db) {
    // One sync per process however many requests arrive at once, and no writes (no row locks
    // that FK checks of learners' inserts would queue behind) when another process already synced.
    pending ??= (async () => {
      if (!(await isSynced(tree))) await syncContent(tree);
      return { db, key, ids: await lessonIdIndex(db) };
    })().finally(() => (pending = null));
    lastSynced = await pending;
    return { tree, ids: lastSynced.ids };
  }
  return { tree, ids: lastSynced.ids };
}

/** True when the database already holds every course and lesson of `tree` with the same hashes. */
async function isSynced(tree: ContentTree): Promise<boolean> {
  const db = await getDb();
  const rows = await db
    .select({ course: courses.slug, courseHash: courses.contentHash, lesson: lessons.slug, lessonHash: lessons.contentHash, active: lessons.active })
    .from(courses)
    .leftJoin(lessons, eq(lessons.courseId, courses.id));
  for (const c of tree.courses) {
    const mine = rows.filter((r) => r.course === c.slug);
    if (!mine.length || mine[0]!.courseHash !== c.hash) return false;
    const active = mine.filter((r) => r.active);
    if (active.length !== c.lessons.length) return false;
    if (!c.lessons.every((l) => active.some((r) => r.lesson === l.slug && r.lessonHash === l.hash))) return false;
  }
  return true;
}
