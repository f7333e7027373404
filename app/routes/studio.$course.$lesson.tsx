import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { LessonView } from "~/components/lesson-view";
import { loadLessonPage } from "~/content/lesson-page.server";
import { getLang } from "~/utils/i18n.server";
import { pageTitle } from "~/utils/meta";
import { handleLoader } from "~/utils/pipeline.server";

/** Instructor preview: same renderer as learners, drafts included, no progress recorded. */
export async function loader(args: LoaderFunctionArgs) {
  return handleLoader(args, { access: "studio:open" }, async ({ request, params, user }) => {
    return json(await loadLessonPage(user, params.course ?? "", params.lesson ?? "", true, getLang(request)));
  });
}

export default function StudioPreview() {
  const data = useLoaderData<typeof loader>();
  return <LessonView {...data} preview />;
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, null, data?.lesson.title ?? "");
