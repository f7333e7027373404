import type { CourseSource, LessonSource } from "~/content/repository.server";
import { getSyncedContent } from "~/content/sync.server";
import type { Exercise } from "~/grading";
import type { LessonIds } from "~/models/course.server";
import { isExerciseKind, type ExerciseKind } from "./kinds";
import { exerciseContent, type ExerciseItem, type ExerciseKindContent } from "./registry";
import type { TextGrading } from "./text-grading";

/** One exercise of kind K as the app serves it: the parsed item, its course and lesson file, its database ids. */
export type ExerciseEntry<K extends ExerciseKind = ExerciseKind> = {
  kind: K;
  exercise: ExerciseItem[K];
  title: string;
  course: CourseSource;
  lesson: LessonSource;
  ids: LessonIds;
};

/** An entry of any kind, narrowed by `kind`. */
export type AnyExerciseEntry = { [K in ExerciseKind]: ExerciseEntry<K> }[ExerciseKind];

// Parsed once per file version (the grader caches compiled rubrics per parsed object).
const parsed = new Map<string, unknown>();

/** The lesson file's parsed item (cached by content hash); throws when its frontmatter is invalid. */
export function parseExerciseLesson<K extends ExerciseKind>(kind: K, course: CourseSource, lesson: LessonSource): ExerciseItem[K] {
  const key = `${kind}:${lesson.hash}`;
  let item = parsed.get(key) as ExerciseItem[K] | undefined;
  if (!item) {
    item = exerciseContent[kind].parse(lesson.data, { slug: lesson.slug, course: course.slug, briefing: lesson.body, source: lesson.file }) as ExerciseItem[K];
    parsed.set(key, item);
  }
  return item;
}

function entryOf<K extends ExerciseKind>(kind: K, course: CourseSource, lesson: LessonSource, ids: LessonIds): ExerciseEntry<K> {
  const exercise = parseExerciseLesson(kind, course, lesson);
  return { kind, exercise, title: (exerciseContent[kind] as unknown as ExerciseKindContent<ExerciseItem[K]>).title(exercise), course, lesson, ids };
}

/** A published exercise of any kind by slug (drafts only with `preview`), or null. */
export async function findExercise(slug: string, preview = false): Promise<AnyExerciseEntry | null> {
  const { tree, ids } = await getSyncedContent();
  for (const course of tree.courses) {
    if (course.meta.draft && !preview) continue;
    const lesson = course.lessons.find((l) => l.slug === slug && isExerciseKind(l.meta.kind) && (preview || !l.meta.draft));
    const lessonIds = lesson && ids.get(`${course.slug}/${lesson.slug}`);
    if (lesson && lessonIds) return entryOf(lesson.meta.kind as ExerciseKind, course, lesson, lessonIds) as AnyExerciseEntry;
  }
  return null;
}

/** A published exercise of one kind by slug (drafts only with `preview`), or null. */
export async function getExerciseEntry<K extends ExerciseKind>(kind: K, slug: string, preview = false): Promise<ExerciseEntry<K> | null> {
  const entry = await findExercise(slug, preview);
  return entry?.kind === kind ? (entry as ExerciseEntry<K>) : null;
}

/** A published DM exercise by slug (or a draft with `preview`), or null. */
export const getDmEntry = (slug: string, preview = false) => getExerciseEntry("dm", slug, preview);

/** An exercise whose learner writes free text graded into a TurnGrade (DM, post), with its grading. */
export type TextEntry = AnyExerciseEntry & { grading: TextGrading };

function withTextGrading(entry: AnyExerciseEntry): TextEntry | null {
  const content = exerciseContent[entry.kind] as unknown as ExerciseKindContent<unknown>;
  return content.textGrading ? { ...entry, grading: content.textGrading(entry.exercise) } : null;
}

/** A free-text exercise by slug (drafts only with `preview`), or null: the studio's rubric tools work on these. */
export async function getTextEntry(slug: string, preview = false): Promise<TextEntry | null> {
  const entry = await findExercise(slug, preview);
  return entry ? withTextGrading(entry) : null;
}

/** Every valid free-text exercise (drafts included), in course order. */
export async function listTextEntries(): Promise<TextEntry[]> {
  return (await listExerciseEntries()).flatMap((e) => withTextGrading(e as AnyExerciseEntry) ?? []);
}

/** The DM-grader exercise an entry's free text is graded with (a DM exercise itself, a post's two turns…). */
export function graderExerciseOf(entry: AnyExerciseEntry): Exercise {
  return (exerciseContent[entry.kind] as unknown as ExerciseKindContent<unknown>).graderExercise(entry.exercise);
}

/** Every valid exercise of one kind, or of every kind (drafts included), for the studio and instructors. */
export async function listExerciseEntries<K extends ExerciseKind = ExerciseKind>(kind?: K): Promise<ExerciseEntry<K>[]> {
  const { tree, ids } = await getSyncedContent();
  const out: ExerciseEntry<K>[] = [];
  for (const course of tree.courses) {
    for (const lesson of course.lessons) {
      const lessonIds = ids.get(`${course.slug}/${lesson.slug}`);
      const own = lesson.meta.kind;
      if (!isExerciseKind(own) || (kind && own !== kind) || !lessonIds) continue;
      try {
        out.push(entryOf(own as K, course, lesson, lessonIds));
      } catch {
        // invalid exercises are reported by content:check
      }
    }
  }
  return out;
}
