import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { Field, FormAlert } from "~/components/field";
import { ManageNav } from "~/components/kelola/manage-nav";
import type { MessageKey } from "~/i18n";
import { agencyInSubtree, agencySubtree } from "~/models/agency.server";
import { assignCourse, listAssignments, publishedCourses } from "~/models/dashboard.server";
import { formatDate } from "~/utils/dates";
import { useLang, useT } from "~/utils/i18n";
import { pageTitle } from "~/utils/meta";
import { fieldErrors } from "~/validation/field-errors.server";
import { managedScopePath } from "~/utils/permissions.server";
import { handleLoader, handleAction } from "~/utils/pipeline.server";

const assignSchema = z.object({
  courseId: z.string().min(1, "error.required"),
  agencyId: z.string().min(1, "error.required"),
  dueDate: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "assign.dueInvalid")
    .refine((d) => !Number.isNaN(Date.parse(d)) && d >= new Date().toISOString().slice(0, 10), "assign.dueInvalid"),
});

export async function loader(args: LoaderFunctionArgs) {
  return handleLoader(args, { access: "manage:open" }, async ({ user }) => {
  const scope = managedScopePath(user);
  const [agencies, courses, assignments] = await Promise.all([agencySubtree({ path: scope }), publishedCourses(), listAssignments(scope)]);
  return json({
    agencies: agencies.map((a) => ({ id: a.id, name: a.name })),
    courses,
    assignments,
  });
});
};

export async function action(args: ActionFunctionArgs) {
  return handleAction(args, { access: "manage:open", keep: { dueDate: { show: "date", label: "assign.due" } } }, async ({ user, form: formData }) => {
  const form = Object.fromEntries(formData);
  const values = { courseId: String(form.courseId ?? ""), agencyId: String(form.agencyId ?? ""), dueDate: String(form.dueDate ?? "") };
  const parsed = assignSchema.safeParse(values);
  if (!parsed.success) return json({ ok: false as const, errors: fieldErrors(parsed.error) as Record<string, MessageKey>, values, agencyName: "" }, { status: 400 });
  const scope = managedScopePath(user);
  const agency = await agencyInSubtree(scope, parsed.data.agencyId);
  if (!agency) return json({ ok: false as const, errors: { agencyId: "error.agencyScope" } as Record<string, MessageKey>, values, agencyName: "" }, { status: 400 });
  // Only a course the form offers; an unknown id would fail the foreign key.
  if (!(await publishedCourses()).some((c) => c.id === parsed.data.courseId)) {
    return json({ ok: false as const, errors: { courseId: "admin.invalidChoice" } as Record<string, MessageKey>, values, agencyName: "" }, { status: 400 });
  }
  await assignCourse(user.id, { courseId: parsed.data.courseId, agency, dueDate: parsed.data.dueDate });
  return json({ ok: true as const, errors: {} as Record<string, MessageKey>, values, agencyName: agency.name });
});
};

export default function Assignments() {
  const t = useT();
  const lang = useLang();
  const { agencies, courses, assignments } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const v = result?.values;
  return (
    <section className="stack">
      <ManageNav />
      <h1>{t("assign.title")}</h1>
      <p className="muted">{t("assign.intro")}</p>
      <div className="card narrow">
        <FormAlert kind="success" message={result?.ok ? t("assign.done", { agency: result.agencyName, due: formatDate(result.values.dueDate, lang) }) : null} />
        <FormAlert message={result && !result.ok ? t("error.formHasErrors") : null} />
        <Form method="post" noValidate>
          <Field name="courseId" label={t("assign.course")} error={result?.errors.courseId}>
            <select id="f-courseId" name="courseId" defaultValue={v?.courseId}>
              {courses.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.title}
                </option>
              ))}
            </select>
          </Field>
          <Field name="agencyId" label={t("assign.agency")} error={result?.errors.agencyId}>
            <select id="f-agencyId" name="agencyId" defaultValue={v?.agencyId}>
              {agencies.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </select>
          </Field>
          <Field name="dueDate" label={t("assign.due")} type="date" defaultValue={v?.dueDate} error={result?.errors.dueDate} />
          <button type="submit" className="button">
            {t("assign.submit")}
          </button>
        </Form>
      </div>
      <div className="card">
        <h2>{t("assign.list")}</h2>
        {assignments.length === 0 ? <p className="muted">{t("assign.none")}</p> : null}
        <ul className="outline">
          {assignments.map((a) => (
            <li key={a.id}>
              <span>
                {a.courseTitle} → {a.agencyName}
              </span>
              <span className="meta">{t("learners.due", { date: formatDate(a.dueDate, lang) })}</span>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "assign.title");
