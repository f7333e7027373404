import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Field, FormAlert } from "~/components/field";
import type { MessageKey } from "~/i18n";
import { addAgency, AgencyCodeTakenError, AgencyCycleError, moveAgency, renameAgency } from "~/models/admin.server";
import { allAgencies, getAgency } from "~/models/agency.server";
import { useT } from "~/utils/i18n";
import { pageTitle } from "~/utils/meta";
import { type FieldErrors } from "~/validation/account";
import { fieldErrors } from "~/validation/field-errors.server";
import { handleLoader, handleAction } from "~/utils/pipeline.server";
import { getDb } from "~/utils/db.server";
import { AGENCY_KINDS } from "~/utils/agency-kinds";
import { agencyActionSchema } from "~/validation/admin-forms.server";

export async function loader(args: LoaderFunctionArgs) {
  return handleLoader(args, { access: "admin:open" }, async ({}) => {
    const db = await getDb();
    const agencies = await allAgencies(db);
    return json({
      agencies: agencies.map((a) => ({ id: a.id, name: a.name, code: a.code, kind: a.kind, parentId: a.parentId, path: a.path })),
    });
  });
}

export async function action(args: ActionFunctionArgs) {
  return handleAction(
    args,
    {
      access: "agency:edit",
      keep: {
        name: { show: "text", label: "admin.agencies.name" },
        code: { show: "text", label: "admin.agencies.code" },
      },
    },
    async ({ user, form: formData }) => {
      const db = await getDb();
      const form = Object.fromEntries(formData);
      const text = (key: string) => (typeof form[key] === "string" ? String(form[key]) : "");
      const values = { name: text("name"), code: text("code"), kind: text("kind"), parentId: text("parentId") };
      const intent = text("intent");
      const agencyId = text("agencyId");
      const fail = (errors: FieldErrors) => json({ ok: false as const, intent, agencyId, errors, values, done: null }, { status: 400 });
      const done = (key: MessageKey, name: string) =>
        json({ ok: true as const, intent, agencyId, errors: {} as FieldErrors, values: null, done: { key, name } });

      // A tampered intent gets the page with a translated message, like any other bad form.
      if (!["create", "rename", "move"].includes(intent)) return fail({ _form: "error.badForm" });
      const parsed = agencyActionSchema.safeParse(form);
      if (!parsed.success) {
        const errors = fieldErrors(parsed.error);
        // The agency is a hidden field of the rename and move forms: no editor can show its mark, so the alert says why.
        return fail(errors.agencyId ? { ...errors, _form: "error.badForm" } : errors);
      }
      const data = parsed.data;
      switch (data.intent) {
        case "create": {
          if (data.parentId && !(await getAgency(db, data.parentId))) return fail({ parentId: "admin.agencies.unknownParent" });
          try {
            const row = await addAgency(db, user.id, data);
            return done("admin.agencies.created", row.name);
          } catch (error) {
            if (error instanceof AgencyCodeTakenError) return fail({ code: "admin.agencies.codeTaken" });
            throw error;
          }
        }
        case "rename": {
          if (!(await renameAgency(db, user.id, data.agencyId, data.name))) throw new Response("Not found", { status: 404 });
          return done("admin.agencies.renamed", data.name);
        }
        case "move": {
          try {
            if (!(await moveAgency(db, user.id, data.agencyId, data.parentId))) return fail({ parentId: "admin.agencies.unknownParent" });
          } catch (error) {
            if (error instanceof AgencyCycleError) return fail({ parentId: "admin.agencies.cycle" });
            throw error;
          }
          return done("admin.agencies.moved", (await getAgency(db, data.agencyId))?.name ?? "");
        }
      }
    },
  );
}

type AgencyItem = ReturnType<typeof useLoaderData<typeof loader>>["agencies"][number];
type Result = ReturnType<typeof useActionData<typeof action>>;

const depth = (path: string) => path.split("/").length - 3;
const indent = (a: AgencyItem) => `${"· ".repeat(depth(a.path))}${a.name}`;

export default function AdminAgencies() {
  const t = useT();
  const { agencies } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const created = result?.intent === "create" ? result : undefined;
  const errors: Record<string, MessageKey> = created?.errors ?? {};
  const v = created?.values;
  const children = new Map<string | null, AgencyItem[]>();
  for (const a of agencies) children.set(a.parentId, [...(children.get(a.parentId) ?? []), a]);

  return (
    <section className="stack">
      <p>
        <Link to="/admin">← {t("admin.title")}</Link>
      </p>
      <h1>{t("admin.agencies.title")}</h1>
      <FormAlert kind="success" message={result?.done ? t(result.done.key, { name: result.done.name }) : null} />
      <FormAlert message={result && !result.ok ? t(result.errors._form ?? "error.formHasErrors") : null} />

      <section className="card" aria-labelledby="new-agency">
        <h2 id="new-agency">{t("admin.agencies.new")}</h2>
        <Form method="post" noValidate key={created?.ok ? `${created.done.name}-${agencies.length}` : "create"}>
          <input type="hidden" name="intent" value="create" />
          <Field name="name" label={t("admin.agencies.name")} type="text" autoComplete="off" defaultValue={v?.name} error={errors.name} />
          <Field
            name="code"
            label={t("admin.agencies.code")}
            type="text"
            autoComplete="off"
            hint={t("admin.agencies.codeHint")}
            defaultValue={v?.code}
            error={errors.code}
          />
          <Field name="kind" label={t("admin.agencies.kind")} error={errors.kind}>
            <select id="f-kind" name="kind" defaultValue={v?.kind ?? "unit"} aria-invalid={errors.kind ? true : undefined}>
              {AGENCY_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`admin.kind.${k}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field name="parentId" label={t("admin.agencies.parent")} error={errors.parentId}>
            <select
              id="f-parentId"
              name="parentId"
              defaultValue={v?.parentId ?? ""}
              aria-invalid={errors.parentId ? true : undefined}
              aria-describedby={errors.parentId ? "f-parentId-err" : undefined}
            >
              <option value="">{t("admin.agencies.topLevel")}</option>
              {agencies.map((a) => (
                <option key={a.id} value={a.id}>
                  {indent(a)}
                </option>
              ))}
            </select>
          </Field>
          <button type="submit" className="button">
            {t("admin.agencies.create")}
          </button>
        </Form>
      </section>

      <section aria-labelledby="agency-tree">
        <h2 id="agency-tree">{t("admin.agencies.tree")}</h2>
        <p className="muted">{t("admin.agencies.count", { count: agencies.length })}</p>
        <AgencyTree parentId={null} nodes={children} agencies={agencies} result={result} />
      </section>
    </section>
  );
}

function AgencyTree({
  parentId,
  nodes,
  agencies,
  result,
}: {
  parentId: string | null;
  nodes: Map<string | null, AgencyItem[]>;
  agencies: AgencyItem[];
  result: Result;
}) {
  const t = useT();
  const items = nodes.get(parentId) ?? [];
  if (items.length === 0) return null;
  return (
    <ul>
      {items.map((a) => (
        <li key={a.id}>
          <strong>{a.name}</strong>{" "}
          <span className="muted">
            {a.code} · {t(`admin.kind.${a.kind}`)}
          </span>
          <AgencyEditor agency={a} agencies={agencies} result={result?.agencyId === a.id ? result : undefined} />
          <AgencyTree parentId={a.id} nodes={nodes} agencies={agencies} result={result} />
        </li>
      ))}
    </ul>
  );
}

/** Rename and move forms of one agency, folded away until needed (works without JavaScript). */
function AgencyEditor({ agency, agencies, result }: { agency: AgencyItem; agencies: AgencyItem[]; result: Result }) {
  const t = useT();
  const failed = result && !result.ok ? result : undefined;
  const renameError = failed?.intent === "rename" ? failed.errors.name : undefined;
  const moveError = failed?.intent === "move" ? failed.errors.parentId : undefined;
  // Its own subtree is not offered: an agency cannot become its own ancestor.
  const parents = agencies.filter((p) => !p.path.startsWith(agency.path));
  const nameId = `rename-${agency.id}`;
  const parentId = `move-${agency.id}`;
  return (
    <details open={Boolean(failed)} key={`${agency.name}-${agency.path}`} style={{ margin: "0.3rem 0 0.6rem" }}>
      <summary>{t("admin.agencies.edit", { name: agency.name })}</summary>
      <div className="row" style={{ alignItems: "flex-end", marginTop: "0.5rem" }}>
        <Form method="post" noValidate aria-label={t("admin.agencies.renameForm", { name: agency.name })} className="row" style={{ alignItems: "flex-end" }}>
          <input type="hidden" name="intent" value="rename" />
          <input type="hidden" name="agencyId" value={agency.id} />
          <div className="field">
            <label htmlFor={nameId}>{t("admin.agencies.newName")}</label>
            <input
              id={nameId}
              type="text"
              name="name"
              autoComplete="off"
              defaultValue={failed?.intent === "rename" ? failed.values.name : agency.name}
              aria-invalid={renameError ? true : undefined}
              aria-describedby={renameError ? `${nameId}-err` : undefined}
            />
            {renameError ? (
              <p className="field-error" id={`${nameId}-err`}>
                {t(renameError)}
              </p>
            ) : null}
          </div>
          <button type="submit" className="button secondary" style={{ marginBottom: "0.9rem" }}>
            {t("admin.agencies.rename")}
          </button>
        </Form>
        <Form method="post" noValidate aria-label={t("admin.agencies.moveForm", { name: agency.name })} className="row" style={{ alignItems: "flex-end" }}>
          <input type="hidden" name="intent" value="move" />
          <input type="hidden" name="agencyId" value={agency.id} />
          <div className="field">
            <label htmlFor={parentId}>{t("admin.agencies.newParent")}</label>
            <select
              id={parentId}
              name="parentId"
              defaultValue={failed?.intent === "move" ? failed.values.parentId : (agency.parentId ?? "")}
              aria-invalid={moveError ? true : undefined}
              aria-describedby={moveError ? `${parentId}-err` : undefined}
            >
              <option value="">{t("admin.agencies.topLevel")}</option>
              {parents.map((p) => (
                <option key={p.id} value={p.id}>
                  {indent(p)}
                </option>
              ))}
            </select>
            {moveError ? (
              <p className="field-error" id={`${parentId}-err`}>
                {t(moveError)}
              </p>
            ) : null}
          </div>
          <button type="submit" className="button secondary" style={{ marginBottom: "0.9rem" }}>
            {t("admin.agencies.move")}
          </button>
        </Form>
      </div>
    </details>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "admin.agencies.title");
