/**
 * The page component of each exercise kind, for /latihan/:slug. Client-safe: components only
 * (their loader data types come from the server modules as types).
 */
import type { ComponentType } from "react";
import { DmExercise } from "~/components/exercise/dm-exercise";
import { HoaxLab } from "~/components/exercise/hoax-lab";
import { PostRewrite } from "~/components/exercise/post-rewrite";
import type { Serialized } from "~/utils/serialized";
import type { ExerciseKind } from "./kinds";
import type { ExercisePageData } from "./registry.server";

/** The loader data of one kind's page, as the component receives it. */
export type PageDataOf<K extends ExerciseKind> = Serialized<Extract<ExercisePageData, { kind: K }>>;

type ExerciseView<K extends ExerciseKind> = {
  Page: ComponentType<{ data: PageDataOf<K> }>;
  /** The document title's own part. */
  title: (data: PageDataOf<K>) => string;
};

const views: { [K in ExerciseKind]: ExerciseView<K> } = {
  dm: { Page: DmExercise, title: (d) => d.exercise.title },
  hoax: { Page: HoaxLab, title: (d) => d.hoax.title },
  post: { Page: PostRewrite, title: (d) => d.post.title },
};

/** The view of the page's kind (a union of loader data cannot index a map of components by itself). */
export function exerciseView(data: Serialized<ExercisePageData>): ExerciseView<ExerciseKind> {
  return views[data.kind] as unknown as ExerciseView<ExerciseKind>;
}
