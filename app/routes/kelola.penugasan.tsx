import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { Field, FormAlert } from "~/components/field";
import { ManageNav } from "~/components/kelola/manage-nav";
import type { MessageKey } from "~/i18n";
import { agencyInSubtree, agencySubtree } from "~/models/agency.server";
import { CopyButton } from "~/components/copy-button";
import { assignCourse, cancelAssignment, changeAssignmentDue, listAssignments, overdueLearners, publishedCourses } from "~/models/dashboard.server";
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
    const [agencies, courses, assignments, overdue] = await Promise.all([
      agencySubtree({ path: scope }),
      publishedCourses(),
      listAssignments(scope),
      overdueLearners(scope),
    ]);
    return json({
      agencies: agencies.map((a) => ({ id: a.id, name: a.name })),
      courses,
      assignments,
      overdue,
    });
  });
}

export async function action(args: ActionFunctionArgs) {
  return handleAction(args, { access: "manage:open", keep: { dueDate: { show: "date", label: "assign.due" } } }, async ({ user, form: formData }) => {
    const form = Object.fromEntries(formData);
    const scopePath = managedScopePath(user);
    // Changing or cancelling an existing assignment (one per row of the list).
    if (form.intent === "due" || form.intent === "cancel") {
      const assignmentId = String(form.assignmentId ?? "");
      if (form.intent === "due") {
        const due = assignSchema.shape.dueDate.safeParse(String(form.dueDate ?? ""));
        if (!due.success)
          return json(
            {
              ok: false as const,
              errors: { [`due-${assignmentId}`]: "assign.dueInvalid" } as Record<string, MessageKey>,
              values: null,
              agencyName: "",
              changed: null,
            },
            { status: 400 },
          );
        const changed = await changeAssignmentDue(user.id, scopePath, assignmentId, due.data);
        if (!changed) throw new Response("Not found", { status: 404 });
        return json({
          ok: true as const,
          errors: {} as Record<string, MessageKey>,
          values: null,
          agencyName: changed.agencyName,
          changed: { kind: "due" as const, course: changed.courseTitle, due: changed.dueDate, removed: 0, kept: 0 },
        });
      }
      const cancelled = await cancelAssignment(user.id, scopePath, assignmentId);
      if (!cancelled) throw new Response("Not found", { status: 404 });
      return json({
        ok: true as const,
        errors: {} as Record<string, MessageKey>,
        values: null,
        agencyName: cancelled.agencyName,
        changed: { kind: "cancel" as const, course: cancelled.courseTitle, due: "", removed: cancelled.removed, kept: cancelled.kept },
      });
    }
    const values = { courseId: String(form.courseId ?? ""), agencyId: String(form.agencyId ?? ""), dueDate: String(form.dueDate ?? "") };
    const parsed = assignSchema.safeParse(values);
    if (!parsed.success)
      return json(
        { ok: false as const, errors: fieldErrors(parsed.error) as Record<string, MessageKey>, values, agencyName: "", changed: null },
        { status: 400 },
      );
    const agency = await agencyInSubtree(scopePath, parsed.data.agencyId);
    if (!agency)
      return json(
        { ok: false as const, errors: { agencyId: "error.agencyScope" } as Record<string, MessageKey>, values, agencyName: "", changed: null },
        { status: 400 },
      );
    // Only a course the form offers; an unknown id would fail the foreign key.
    if (!(await publishedCourses()).some((c) => c.id === parsed.data.courseId)) {
      return json(
        { ok: false as const, errors: { courseId: "admin.invalidChoice" } as Record<string, MessageKey>, values, agencyName: "", changed: null },
        { status: 400 },
      );
    }
    await assignCourse(user.id, { courseId: parsed.data.courseId, agency, dueDate: parsed.data.dueDate });
    return json({ ok: true as const, errors: {} as Record<string, MessageKey>, values, agencyName: agency.name, changed: null });
  });
}

export default function Assignments() {
  const t = useT();
  const lang = useLang();
  const { agencies, courses, assignments, overdue } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const v = result?.values;
  const changed = result?.ok ? result.changed : null;
  const reminder = t("assign.reminderText", { site: typeof window === "undefined" ? "Sigap" : window.location.origin });
  return (
    <section className="stack">
      <ManageNav />
      <h1>{t("assign.title")}</h1>
      <p className="muted">{t("assign.intro")}</p>
      <div className="card narrow">
        <FormAlert
          kind="success"
          message={result?.ok && result.values ? t("assign.done", { agency: result.agencyName, due: formatDate(result.values.dueDate, lang) }) : null}
        />
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
        {changed ? (
          <p className="alert success" role="status">
            {changed.kind === "due"
              ? t("assign.dueChanged", { course: changed.course, agency: result!.agencyName, due: formatDate(changed.due, lang) })
              : t("assign.cancelled", { course: changed.course, agency: result!.agencyName, removed: changed.removed, kept: changed.kept })}
          </p>
        ) : null}
        <p className="hint">{t("assign.cancelHint")}</p>
        <ul className="outline">
          {assignments.map((a) => (
            <li key={a.id} className="stack">
              <span>
                {a.courseTitle} → {a.agencyName} <span className="meta">· {t("learners.due", { date: formatDate(a.dueDate, lang) })}</span>
              </span>
              <span className="row">
                <Form method="post" className="row">
                  <input type="hidden" name="intent" value="due" />
                  <input type="hidden" name="assignmentId" value={a.id} />
                  <label htmlFor={`due-${a.id}`} className="visually-hidden">
                    {t("assign.newDue", { course: a.courseTitle, agency: a.agencyName })}
                  </label>
                  <input id={`due-${a.id}`} name="dueDate" type="date" defaultValue={a.dueDate} required style={{ maxWidth: "11rem" }} />
                  <button type="submit" className="button secondary">
                    {t("assign.changeDue")}
                  </button>
                </Form>
                <Form method="post">
                  <input type="hidden" name="intent" value="cancel" />
                  <input type="hidden" name="assignmentId" value={a.id} />
                  <button type="submit" className="button secondary" aria-label={t("assign.cancelLabel", { course: a.courseTitle, agency: a.agencyName })}>
                    {t("assign.cancel")}
                  </button>
                </Form>
              </span>
              {result && !result.ok && result.errors[`due-${a.id}`] ? (
                <span className="field-error" role="alert">
                  {t(result.errors[`due-${a.id}`]!)}
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      </div>
      <div className="card">
        <h2 id="overdue-title">{t("assign.overdueTitle", { count: overdue.length })}</h2>
        {overdue.length === 0 ? (
          <p className="muted">{t("assign.overdueNone")}</p>
        ) : (
          <>
            <p className="hint">{t("assign.reminderHint")}</p>
            <div className="row">
              <textarea readOnly rows={4} value={reminder} aria-label={t("assign.reminderLabel")} style={{ flex: "1 1 20rem" }} />
              <CopyButton text={reminder} label={t("assign.reminderCopy")} />
            </div>
            <ul className="outline">
              {overdue.map((o) => (
                <li key={`${o.id}-${o.courseTitle}`}>
                  <span>
                    {o.name} <span className="meta">· {o.unit}</span>
                  </span>
                  <span className="meta">
                    {o.courseTitle} · {t("learners.due", { date: formatDate(o.dueDate!, lang) })} · {o.email}
                  </span>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "assign.title");
