import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { exerciseKeptFields } from "~/exercises/kinds";
import { loadExercise, submitExercise } from "~/exercises/registry.server";
import { exerciseView } from "~/exercises/views";
import { englishParts, getLang } from "~/utils/i18n.server";
import { pageTitle } from "~/utils/meta";
import { handleLoader, handleAction } from "~/utils/pipeline.server";
import type { StringsHandle } from "~/i18n";
import { idPractice } from "~/i18n/id.practice";

export const handle: StringsHandle = { strings: { practice: idPractice } };

/** /latihan/:slug serves every exercise kind (their slugs are unique together); the kind's registry entry does the work. */
export async function loader(args: LoaderFunctionArgs) {
  return handleLoader(args, { access: "user" }, async ({ request, params, user }) => {
    const opts = { attemptId: new URL(request.url).searchParams.get("percobaan"), lang: getLang(request) };
    return json({ ...(await loadExercise(user, params.exercise ?? "", opts)), i18n: englishParts(args.request, handle) });
  });
}

export async function action(args: ActionFunctionArgs) {
  return handleAction(args, { access: "user", keep: exerciseKeptFields }, async ({ params, user, form }) => {
    const result = await submitExercise(user, params.exercise ?? "", form);
    if ("redirect" in result) return redirect(result.redirect);
    return json(result, { status: 400 });
  });
}

export default function ExercisePage() {
  const data = useLoaderData<typeof loader>();
  const { Page } = exerciseView(data);
  return <Page data={data} />;
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, null, data ? exerciseView(data).title(data) : "");
