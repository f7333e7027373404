import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { Field, FormAlert } from "~/components/field";
import { ManageNav } from "~/components/kelola/manage-nav";
import type { MessageKey } from "~/i18n";
import { agencyInSubtree, agencySubtree } from "~/models/agency.server";
import { CopyButton } from "~/components/copy-button";
import { assignCourse, assignToLearners, cancelAssignment, changeAssignmentDue, learnersByNip, listAssignments } from "~/models/enrollment.server";
import { listLearners } from "~/models/learner-table.server";
import { overdueLearners, remindOverdue } from "~/models/overdue.server";
import { publishedCourses } from "~/models/course.server";
import { parseNipList } from "~/learning/nip-list";
import { formatDate } from "~/utils/dates";
import { publicOrigin } from "~/utils/env.server";
import { serverTranslator } from "~/utils/i18n.server";
import { useLang, useT } from "~/utils/i18n";
import { pageTitle } from "~/utils/meta";
import { fieldErrors } from "~/validation/field-errors.server";
import { managedScopePath } from "~/utils/permissions.server";
import { handleLoader, handleAction } from "~/utils/pipeline.server";
import { getDb, type Db } from "~/utils/db.server";
import { assignSchema } from "~/validation/manage-forms.server";

/** How many learners the pick list shows at once (a filter or a NIP list reaches the rest). */
const PICK_LIMIT = 100;
/** How many overdue learners the reminder list shows. */
const OVERDUE_LIMIT = 300;

export async function loader(args: LoaderFunctionArgs) {
  return handleLoader(args, { access: "manage:open" }, async ({ request, user }) => {
    const db = await getDb();
    const scope = managedScopePath(user);
    const url = new URL(request.url);
    const pickUnit = url.searchParams.get("unit") || null;
    const pickQuery = (url.searchParams.get("q") ?? "").slice(0, 100);
    const [agencies, courses, assignments, overdue, candidates] = await Promise.all([
      agencySubtree(db, { path: scope }),
      publishedCourses(db),
      listAssignments(db, scope),
      overdueLearners(db, scope, { limit: OVERDUE_LIMIT }),
      listLearners(db, scope, { unitId: pickUnit, q: pickQuery }, { limit: PICK_LIMIT }),
    ]);
    // The overdue list per course and due date: one reminder per group.
    const groups = new Map<string, { courseId: string; courseTitle: string; dueDate: string; learners: typeof overdue }>();
    for (const o of overdue) {
      const key = `${o.courseId}|${o.dueDate}`;
      const group = groups.get(key) ?? { courseId: o.courseId, courseTitle: o.courseTitle, dueDate: o.dueDate!, learners: [] };
      group.learners.push(o);
      groups.set(key, group);
    }
    return json({
      agencies: agencies.map((a) => ({ id: a.id, name: a.name })),
      courses,
      assignments,
      overdue,
      overdueGroups: [...groups.values()],
      candidates: candidates.rows.map((r) => ({ id: r.id, name: r.name, nip: r.nip, unit: r.unit })),
      candidatesMore: !!candidates.next,
      pickLimit: PICK_LIMIT,
    });
  });
}

const errs = (e: Record<string, MessageKey>) => e;

/** What every answer of the action carries; each branch fills in its part. */
const answer = {
  ok: false as boolean,
  errors: {} as Record<string, MessageKey>,
  values: null as { courseId: string; agencyId: string; dueDate: string } | null,
  agencyName: "",
  changed: null as { kind: "due" | "cancel"; course: string; due: string; removed: number; kept: number } | null,
  learners: null as {
    course: string;
    due: string;
    count: number;
    nips: string;
    userIds: string[];
    courseId: string;
    dueDate: string;
    unknownNips: string;
  } | null,
  reminder: null as { key: string; message: string; count: number; mailed: number } | null,
  remindNone: false,
};

export async function action(args: ActionFunctionArgs) {
  return handleAction(
    args,
    { access: "manage:open", keep: { dueDate: { show: "date", label: "assign.due" } } },
    async ({ request, user, lang, form: formData }) => {
      const db = await getDb();
      const form = Object.fromEntries(formData);
      const scopePath = managedScopePath(user);
      if (form.intent === "learners") return assignLearnersAction(db, user.id, scopePath, formData);
      if (form.intent === "remind") {
        const courseId = String(form.courseId ?? "");
        const dueDate = String(form.dueDate ?? "");
        const t = serverTranslator(lang);
        const origin = publicOrigin(request);
        const reminded = /^\d{4}-\d{2}-\d{2}$/.test(dueDate)
          ? await remindOverdue(db, user.id, scopePath, { courseId, dueDate }, (course, due) =>
              t("assign.remindMessage", { course: course.title, due: formatDate(due, lang), link: `${origin}/kursus/${course.slug}` }),
            )
          : null;
        if (!reminded) return json({ ...answer, ok: true, remindNone: true });
        return json({
          ...answer,
          ok: true,
          reminder: { key: `${courseId}|${dueDate}`, message: reminded.message, count: reminded.recipients.length, mailed: reminded.mailed },
        });
      }
      // Changing or cancelling an existing assignment (one per row of the list).
      if (form.intent === "due" || form.intent === "cancel") {
        const assignmentId = String(form.assignmentId ?? "");
        if (form.intent === "due") {
          const due = assignSchema.shape.dueDate.safeParse(String(form.dueDate ?? ""));
          if (!due.success) return json({ ...answer, errors: errs({ [`due-${assignmentId}`]: "assign.dueInvalid" }) }, { status: 400 });
          const changed = await changeAssignmentDue(db, user.id, scopePath, assignmentId, due.data);
          if (!changed) throw new Response("Not found", { status: 404 });
          return json({
            ...answer,
            ok: true,
            agencyName: changed.agencyName,
            changed: { kind: "due" as const, course: changed.courseTitle, due: changed.dueDate, removed: 0, kept: 0 },
          });
        }
        const cancelled = await cancelAssignment(db, user.id, scopePath, assignmentId);
        if (!cancelled) throw new Response("Not found", { status: 404 });
        return json({
          ...answer,
          ok: true,
          agencyName: cancelled.agencyName,
          changed: { kind: "cancel" as const, course: cancelled.courseTitle, due: "", removed: cancelled.removed, kept: cancelled.kept },
        });
      }
      const values = { courseId: String(form.courseId ?? ""), agencyId: String(form.agencyId ?? ""), dueDate: String(form.dueDate ?? "") };
      const parsed = assignSchema.safeParse(values);
      if (!parsed.success) return json({ ...answer, errors: fieldErrors(parsed.error) as Record<string, MessageKey>, values }, { status: 400 });
      const agency = await agencyInSubtree(db, scopePath, parsed.data.agencyId);
      if (!agency) return json({ ...answer, errors: errs({ agencyId: "error.agencyScope" }), values }, { status: 400 });
      // Only a course the form offers; an unknown id would fail the foreign key.
      if (!(await publishedCourses(db)).some((c) => c.id === parsed.data.courseId)) {
        return json({ ...answer, errors: errs({ courseId: "admin.invalidChoice" }), values }, { status: 400 });
      }
      await assignCourse(db, user.id, { courseId: parsed.data.courseId, agency, dueDate: parsed.data.dueDate });
      return json({ ...answer, ok: true, values, agencyName: agency.name });
    },
  );
}

/**
 * Assigns a course to chosen learners: ticked in the list (`userId`) and/or pasted as NIPs. Ids
 * and NIPs outside the scope are refused server-side and nothing is written; the form keeps
 * what was chosen.
 */
async function assignLearnersAction(db: Db, actorId: string, scopePath: string, formData: FormData) {
  const userIds = formData.getAll("userId").map(String).filter(Boolean).slice(0, 2000);
  const nipsText = String(formData.get("nips") ?? "").slice(0, 50_000);
  const courseId = String(formData.get("courseId") ?? "");
  const dueDate = String(formData.get("dueDate") ?? "");
  const kept = { course: "", due: dueDate, count: 0, nips: nipsText, userIds, courseId, dueDate, unknownNips: "" };
  const errors: Record<string, MessageKey> = {};
  const due = assignSchema.shape.dueDate.safeParse(dueDate);
  if (!due.success) errors["l-dueDate"] = "assign.dueInvalid";
  const course = (await publishedCourses(db)).find((c) => c.id === courseId);
  if (!course) errors["l-courseId"] = "admin.invalidChoice";
  const { nips, invalid } = parseNipList(nipsText);
  const byNip = await learnersByNip(db, scopePath, nips);
  const unknown = [...invalid, ...nips.filter((n) => !byNip.some((b) => b.nip === n))];
  if (unknown.length) errors["l-nips"] = "assign.nipUnknown";
  const wanted = [...new Set([...userIds, ...byNip.map((b) => b.id)])];
  if (wanted.length === 0 && !unknown.length) errors["l-pick"] = "assign.learnersNone";
  if (Object.keys(errors).length || !course) {
    return json({ ...answer, errors, learners: { ...kept, unknownNips: unknown.join(", ") } }, { status: 400 });
  }
  const result = await assignToLearners(db, actorId, scopePath, { courseId, userIds: wanted, dueDate });
  if (result.refused.length) {
    return json({ ...answer, errors: errs({ "l-pick": "assign.learnersRefused" }), learners: { ...kept, count: result.refused.length } }, { status: 400 });
  }
  return json({ ...answer, ok: true, learners: { ...kept, course: course.title, count: wanted.length, nips: "", userIds: [] } });
}

export default function Assignments() {
  const t = useT();
  const lang = useLang();
  const { agencies, courses, assignments, overdue, overdueGroups, candidates, candidatesMore, pickLimit } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const v = result?.values;
  const changed = result?.ok ? result.changed : null;
  const picked = result?.learners;
  const pickedIds = new Set(picked && !result?.ok ? picked.userIds : []);
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
      <div className="card" id="peserta-tertentu">
        <h2 id="learners-title">{t("assign.learnersTitle")}</h2>
        <p className="hint">{t("assign.learnersIntro")}</p>
        <FormAlert
          kind="success"
          message={result?.ok && picked ? t("assign.learnersDone", { count: picked.count, course: picked.course, due: formatDate(picked.due, lang) }) : null}
        />
        {result && !result.ok && result.errors["l-pick"] ? (
          <p className="alert error" role="alert">
            {t(result.errors["l-pick"], { count: picked?.count ?? 0 })}
          </p>
        ) : null}
        <Form method="get" className="row" aria-label={t("assign.filter")}>
          <div className="field">
            <label htmlFor="pick-unit">{t("assign.filterUnit")}</label>
            <select id="pick-unit" name="unit" defaultValue={params.get("unit") ?? ""}>
              <option value="">{t("learners.all")}</option>
              {agencies.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="pick-q">{t("assign.filterQuery")}</label>
            <input id="pick-q" name="q" type="search" defaultValue={params.get("q") ?? ""} />
          </div>
          <button type="submit" className="button secondary">
            {t("assign.filter")}
          </button>
        </Form>
        <Form method="post" noValidate className="stack">
          <input type="hidden" name="intent" value="learners" />
          <fieldset className="pick-list">
            <legend>{t("assign.pick")}</legend>
            {candidates.length === 0 ? <p className="muted">{t("assign.pickNone")}</p> : null}
            <ul className="plain">
              {candidates.map((c) => (
                <li key={c.id}>
                  <label className="choice">
                    <input type="checkbox" name="userId" value={c.id} defaultChecked={pickedIds.has(c.id)} /> {c.name}{" "}
                    <span className="meta">
                      · {c.nip ?? "—"} · {c.unit}
                    </span>
                  </label>
                </li>
              ))}
            </ul>
            {candidatesMore ? <p className="hint">{t("assign.pickMore", { count: pickLimit })}</p> : null}
          </fieldset>
          <div className="field">
            <label htmlFor="f-nips">{t("assign.nipList")}</label>
            <textarea
              id="f-nips"
              name="nips"
              rows={3}
              defaultValue={picked && !result?.ok ? picked.nips : ""}
              aria-invalid={result?.errors["l-nips"] ? true : undefined}
              aria-describedby={result?.errors["l-nips"] ? "f-nips-err" : undefined}
            />
            {result?.errors["l-nips"] ? (
              <p className="field-error" id="f-nips-err">
                {t("assign.nipUnknown", { nips: picked?.unknownNips ?? "" })}
              </p>
            ) : null}
          </div>
          <Field name="l-courseId" label={t("assign.learnersCourse")} error={result?.errors["l-courseId"]}>
            <select id="f-l-courseId" name="courseId" defaultValue={picked?.courseId}>
              {courses.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.title}
                </option>
              ))}
            </select>
          </Field>
          <Field name="l-dueDate" label={t("assign.learnersDue")} error={result?.errors["l-dueDate"]}>
            <input
              id="f-l-dueDate"
              name="dueDate"
              type="date"
              defaultValue={picked && !result?.ok ? picked.dueDate : undefined}
              aria-invalid={result?.errors["l-dueDate"] ? true : undefined}
              aria-describedby={result?.errors["l-dueDate"] ? "f-l-dueDate-err" : undefined}
            />
          </Field>
          <div>
            <button type="submit" className="button">
              {t("assign.learnersSubmit")}
            </button>
          </div>
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
        {result?.ok && result.remindNone ? (
          <p className="alert info" role="status">
            {t("assign.remindNone")}
          </p>
        ) : null}
        {overdueGroups.length === 0 ? (
          <p className="muted">{t("assign.overdueNone")}</p>
        ) : (
          <>
            <p className="hint">{t("assign.reminderHint")}</p>
            {overdueGroups.map((g) => {
              const key = `${g.courseId}|${g.dueDate}`;
              const made = result?.ok && result.reminder?.key === key ? result.reminder : null;
              return (
                <div key={key} className="overdue-group stack">
                  <h3>{t("assign.overdueGroup", { course: g.courseTitle, due: formatDate(g.dueDate, lang), count: g.learners.length })}</h3>
                  <ul className="outline">
                    {g.learners.map((o) => (
                      <li key={o.id}>
                        <span>
                          {o.name} <span className="meta">· {o.unit}</span>
                        </span>
                        <span className="meta">{o.email}</span>
                      </li>
                    ))}
                  </ul>
                  <Form method="post">
                    <input type="hidden" name="intent" value="remind" />
                    <input type="hidden" name="courseId" value={g.courseId} />
                    <input type="hidden" name="dueDate" value={g.dueDate} />
                    <button
                      type="submit"
                      className="button secondary"
                      aria-label={t("assign.remindLabel", { course: g.courseTitle, due: formatDate(g.dueDate, lang) })}
                    >
                      {t("assign.remind")}
                    </button>
                  </Form>
                  {made ? (
                    <>
                      <p className="alert success" role="status">
                        {t("assign.reminded", { count: made.count, mailed: made.mailed })}
                      </p>
                      <div className="row">
                        <textarea readOnly rows={7} value={made.message} aria-label={t("assign.reminderLabel")} style={{ flex: "1 1 20rem" }} />
                        <CopyButton text={made.message} label={t("assign.reminderCopy")} />
                      </div>
                    </>
                  ) : null}
                </div>
              );
            })}
          </>
        )}
      </div>
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "assign.title");
