import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { LessonView } from "~/components/lesson-view";
import { loadLessonPage, submitLessonForm } from "~/content/lesson-page.server";
import { getLang } from "~/utils/i18n.server";
import { pageTitle } from "~/utils/meta";
import { handleLoader, handleAction } from "~/utils/pipeline.server";

export async function loader(args: LoaderFunctionArgs) {
  return handleLoader(args, { access: "user" }, async ({ request, params, user }) => {
    return json(await loadLessonPage(user, params.course ?? "", params.lesson ?? "", false, getLang(request)));
  });
}

// Quiz choices and "mark complete" come back as hidden fields of the kept form.
export async function action(args: ActionFunctionArgs) {
  return handleAction(args, { access: "user", keep: {} }, async ({ params, user, form: formData }) => {
    const result = await submitLessonForm(user, params.course ?? "", params.lesson ?? "", formData);
    if ("redirect" in result) return redirect(result.redirect);
    // Returned, not thrown: the page (and the root loader with the chosen language) renders around it.
    return json(result, { status: 400 });
  });
}

export default function LessonPage() {
  const data = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  return <LessonView {...data} formError={failed?.error} />;
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, null, data?.lesson.title ?? "");
