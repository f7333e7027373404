import { buildCurriculum, type Curriculum } from "./curriculum";
import { getContentTree } from "./repository.server";

/** The curriculum of a published course, built from its content files; 404 for drafts and unknown slugs. */
export async function loadCurriculum(courseSlug: string): Promise<Curriculum> {
  const tree = await getContentTree();
  const course = tree.courses.find((c) => c.slug === courseSlug && !c.meta.draft);
  if (!course) throw new Response("Not found", { status: 404 });
  return buildCurriculum(course);
}
