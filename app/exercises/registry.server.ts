/**
 * The server half of each exercise kind: its content check, its page loader and its form
 * submission. The route /latihan/:slug, content:check and the studio look a kind up here instead
 * of branching on `kind`. Adding a kind: its entry here, in registry.ts and views.ts, its files
 * (grader in app/grading, module app/exercises/<kind>.server.ts, component), its strings.
 */
import type { CourseSource, LessonSource, Problem } from "~/content/repository.server";
import type { Lang } from "~/i18n";
import type { SessionUser } from "~/utils/auth.server";
import { dmKind } from "./dm.server";
import { findExercise, getExerciseEntry, type ExerciseEntry } from "./entries.server";
import { hoaxKind } from "./hoax.server";
import { postKind } from "./post.server";
import type { ExerciseKind } from "./kinds";

export type PageOptions = { attemptId?: string | null; lang: Lang };

/** A submission's outcome: where to go (post/redirect/get), or an error with the typed values (status 400). */
export type SubmitResult = { redirect: string } | { error: string };

export type ExerciseKindServer<K extends ExerciseKind, Page = unknown, Result extends SubmitResult = SubmitResult> = {
  /** content:check for one file of this kind (schema, labelled examples, model answers, warnings). */
  check: (course: CourseSource, lesson: LessonSource) => Problem[];
  /** The page's loader data: what the learner may see now, never rubrics or answers before answering. */
  load: (user: SessionUser, entry: ExerciseEntry<K>, opts: PageOptions) => Promise<Page>;
  /** Validates, grades and stores a form post of the page. */
  submit: (user: SessionUser, entry: ExerciseEntry<K>, form: FormData) => Promise<Result>;
};

const servers = { dm: dmKind, hoax: hoaxKind, post: postKind } satisfies { [K in ExerciseKind]: ExerciseKindServer<K> };

type Servers = typeof servers;

/** The loader data of /latihan/:slug, narrowed by `kind`. */
export type ExercisePageData = { [K in ExerciseKind]: { kind: K } & Awaited<ReturnType<Servers[K]["load"]>> }[ExerciseKind];

const notFound = () => new Response("Not found", { status: 404 });

/** content:check for an exercise file; [] for reading lessons and quizzes. */
export function checkExerciseLesson(course: CourseSource, lesson: LessonSource): Problem[] {
  const kind = lesson.meta.kind;
  return kind in servers ? servers[kind as ExerciseKind].check(course, lesson) : [];
}

/** Loader data for /latihan/:slug, whatever the kind (404 when there is no such published exercise). */
export async function loadExercise(user: SessionUser, slug: string, opts: PageOptions): Promise<ExercisePageData> {
  const entry = await findExercise(slug);
  if (!entry) throw notFound();
  // Each entry goes to its own kind's loader; TypeScript cannot pair a union with a map of functions.
  const server = servers[entry.kind] as unknown as ExerciseKindServer<ExerciseKind, object>;
  return { kind: entry.kind, ...(await server.load(user, entry, opts)) } as ExercisePageData;
}

/** Loader data of one kind's page; 404 when the slug is no published exercise of that kind. */
export async function loadExerciseOf<K extends ExerciseKind>(kind: K, user: SessionUser, slug: string, opts: PageOptions) {
  const entry = await getExerciseEntry(kind, slug);
  if (!entry) throw notFound();
  const server = servers[kind] as unknown as ExerciseKindServer<K, object>;
  return { kind, ...(await server.load(user, entry, opts)) } as Extract<ExercisePageData, { kind: K }>;
}

/** What a form post to /latihan/:slug answers, whatever the kind. */
export type ExerciseSubmitResult = Awaited<ReturnType<Servers[ExerciseKind]["submit"]>>;

/** A form post to /latihan/:slug, handled by its kind. */
export async function submitExercise(user: SessionUser, slug: string, form: FormData): Promise<ExerciseSubmitResult> {
  const entry = await findExercise(slug);
  if (!entry) throw notFound();
  const server = servers[entry.kind] as unknown as ExerciseKindServer<ExerciseKind, unknown, ExerciseSubmitResult>;
  return server.submit(user, entry, form);
}
