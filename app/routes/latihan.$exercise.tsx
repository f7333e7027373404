import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { DmExercise } from "~/components/exercise/dm-exercise";
import { HoaxLab } from "~/components/exercise/hoax-lab";
import { getExerciseEntry } from "~/content/exercise-index.server";
import { loadExercisePage, submitExerciseForm } from "~/content/exercise-page.server";
import { loadHoaxPage, submitHoaxForm } from "~/content/hoax-page.server";
import { getLang } from "~/utils/i18n.server";
import { pageTitle } from "~/utils/meta";
import { handleLoader, handleAction } from "~/utils/pipeline.server";

/** /latihan/:slug serves both DM exercises and hoax cases (their slugs are unique together). */
export async function loader(args: LoaderFunctionArgs) {
  return handleLoader(args, { access: "user" }, async ({ request, params, user }) => {
    const slug = params.exercise ?? "";
    const opts = { attemptId: new URL(request.url).searchParams.get("percobaan"), lang: getLang(request) };
    if (await getExerciseEntry(slug)) return json({ kind: "dm" as const, ...(await loadExercisePage(user, slug, opts)) });
    return json(await loadHoaxPage(user, slug, opts));
  });
}

export async function action(args: ActionFunctionArgs) {
  return handleAction(
    args,
    { access: "user", keep: { reply: { show: "textarea", label: "exercise.yourReply" }, clarification: { show: "textarea", label: "hoax.part4" } } },
    async ({ params, user, form }) => {
      const slug = params.exercise ?? "";
      const result = (await getExerciseEntry(slug)) ? await submitExerciseForm(user, slug, form) : await submitHoaxForm(user, slug, form);
      if ("redirect" in result) return redirect(result.redirect);
      return json(result, { status: 400 });
    },
  );
}

export default function ExercisePage() {
  const data = useLoaderData<typeof loader>();
  return data.kind === "dm" ? <DmExercise data={data} /> : <HoaxLab data={data} />;
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, null, (data?.kind === "dm" ? data.exercise.title : data?.hoax.title) ?? "");
