import { and, asc, desc, eq, sql } from "drizzle-orm";
import { courses, lessonProgress, lessons, type Course } from "../../db/schema";
import type { Db } from "~/utils/db.server";

export type CatalogCourse = Pick<Course, "id" | "slug" | "title" | "summary" | "level" | "minutes" | "jp"> & {
  lessonCount: number;
  completedCount: number;
};

const visibleLesson = and(eq(lessons.active, true), eq(lessons.draft, false));

/** Published courses with the learner's completed-lesson count (drafts are invisible here). */
export async function listCatalog(db: Db, userId: string): Promise<CatalogCourse[]> {
  return db
    .select({
      id: courses.id,
      slug: courses.slug,
      title: courses.title,
      summary: courses.summary,
      level: courses.level,
      minutes: courses.minutes,
      jp: courses.jp,
      lessonCount: sql<number>`count(${lessons.id})::int`,
      completedCount: sql<number>`count(${lessonProgress.id}) filter (where ${lessonProgress.status} = 'completed')::int`,
    })
    .from(courses)
    .innerJoin(lessons, and(eq(lessons.courseId, courses.id), visibleLesson))
    .leftJoin(lessonProgress, and(eq(lessonProgress.lessonId, lessons.id), eq(lessonProgress.userId, userId)))
    .where(eq(courses.draft, false))
    .groupBy(courses.id)
    .orderBy(asc(courses.position), asc(courses.slug));
}

/** A published course by its slug (drafts are invisible here). */
export async function publishedCourseBySlug(db: Db, slug: string): Promise<Pick<Course, "id" | "slug" | "title"> | null> {
  const [course] = await db
    .select({ id: courses.id, slug: courses.slug, title: courses.title })
    .from(courses)
    .where(and(eq(courses.slug, slug), eq(courses.draft, false)))
    .limit(1);
  return course ?? null;
}

export type SearchHit = { courseSlug: string; courseTitle: string; lessonSlug: string; lessonTitle: string; snippet: string };

/** Postgres full-text search over published lesson titles and text ('simple' config: no Indonesian dictionary ships with Postgres). */
export async function searchLessons(db: Db, query: string): Promise<SearchHit[]> {
  const q = query.trim().slice(0, 200);
  if (!q) return [];
  const tsq = sql`websearch_to_tsquery('simple', ${q})`;
  const doc = sql`to_tsvector('simple', ${lessons.searchText})`;
  return db
    .select({
      courseSlug: courses.slug,
      courseTitle: courses.title,
      lessonSlug: lessons.slug,
      lessonTitle: lessons.title,
      snippet: sql<string>`ts_headline('simple', ${lessons.searchText}, ${tsq}, 'StartSel=«,StopSel=»,MaxWords=25,MinWords=10')`,
    })
    .from(lessons)
    .innerJoin(courses, eq(courses.id, lessons.courseId))
    .where(and(visibleLesson, eq(courses.draft, false), sql`${doc} @@ ${tsq}`))
    .orderBy(desc(sql`ts_rank(${doc}, ${tsq})`))
    .limit(20);
}

export type LessonIds = { lessonId: string; courseId: string; active: boolean };

/** Database ids of every lesson, keyed "course-slug/lesson-slug" (small; cached per sync by the caller). */
export async function lessonIdIndex(db: Db): Promise<Map<string, LessonIds>> {
  const rows = await db
    .select({ courseSlug: courses.slug, lessonSlug: lessons.slug, lessonId: lessons.id, courseId: courses.id, active: lessons.active })
    .from(lessons)
    .innerJoin(courses, eq(courses.id, lessons.courseId));
  return new Map(rows.map((r) => [`${r.courseSlug}/${r.lessonSlug}`, { lessonId: r.lessonId, courseId: r.courseId, active: r.active }]));
}

/** Published courses in catalog order (filter menus; the first is the default selection). */
export async function publishedCourses(db: Db) {
  // The slug breaks ties of position (as the catalog does): the default selection must not depend on row order.
  return db.select({ id: courses.id, title: courses.title }).from(courses).where(eq(courses.draft, false)).orderBy(asc(courses.position), asc(courses.slug));
}

/** Published lessons of the joined course (the "total" of "N of M lessons"). */
export const publishedLessonCount = () => sql<number>`(select count(*)::int from lessons l where l.course_id = ${courses.id} and l.active and not l.draft)`;
