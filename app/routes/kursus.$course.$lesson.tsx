import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { LessonView } from "~/components/lesson-view";
import { loadLessonPage, submitLessonForm } from "~/content/lesson-page.server";
import { requireUser } from "~/utils/auth.server";
import { assertSameOrigin } from "~/utils/csrf.server";
import { withOutage503 } from "~/utils/db-unavailable.server";
import { getLang } from "~/utils/i18n.server";
import { pageTitle } from "~/utils/meta";

export const loader = withOutage503(async ({ request, params }: LoaderFunctionArgs) => {
  const user = await requireUser(request);
  return json(await loadLessonPage(user, params.course ?? "", params.lesson ?? "", false, getLang(request)));
});

// Quiz choices and "mark complete" come back as hidden fields of the kept form.
export const action = withOutage503(async ({ request, params }: ActionFunctionArgs) => {
  assertSameOrigin(request);
  const user = await requireUser(request);
  const result = await submitLessonForm(user, params.course ?? "", params.lesson ?? "", await request.formData());
  if ("redirect" in result) return redirect(result.redirect);
  // Returned, not thrown: the page (and the root loader with the chosen language) renders around it.
  return json(result, { status: 400 });
}, { keep: {} });

export default function LessonPage() {
  const data = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  return <LessonView {...data} formError={failed?.error} />;
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, null, data?.lesson.title ?? "");
