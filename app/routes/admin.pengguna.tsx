import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { FormAlert } from "~/components/field";
import type { MessageKey } from "~/i18n";
import { listAccounts, updateUserAccount } from "~/models/admin.server";
import { allAgencies } from "~/models/agency.server";
import { useT } from "~/utils/i18n";
import { pageTitle } from "~/utils/meta";
import { type FieldErrors } from "~/validation/account";
import { fieldErrors } from "~/validation/field-errors.server";
import { handleLoader, handleAction } from "~/utils/pipeline.server";
import { getDb } from "~/utils/db.server";
import { ROLES } from "~/utils/policy";
import { accountSchema } from "~/validation/admin-forms.server";

export async function loader(args: LoaderFunctionArgs) {
  return handleLoader(args, { access: "admin:open" }, async ({ request, user }) => {
    const db = await getDb();
    const q = (new URL(request.url).searchParams.get("q") ?? "").slice(0, 100);
    const [{ rows, total }, agencies] = await Promise.all([listAccounts(db, q), allAgencies(db)]);
    const depth = (path: string) => path.split("/").length - 3;
    return json({
      users: rows,
      total,
      selfId: user.id,
      agencies: agencies.map((a) => ({ id: a.id, label: `${"· ".repeat(depth(a.path))}${a.name}` })),
    });
  });
}

export async function action(args: ActionFunctionArgs) {
  return handleAction(args, { access: "admin:open", keep: {} }, async ({ user: admin, form: formData }) => {
    const db = await getDb();
    const form = Object.fromEntries(formData);
    const text = (key: string) => (typeof form[key] === "string" ? String(form[key]) : "");
    const userId = text("userId");
    const values = { role: text("role"), agencyId: text("agencyId"), disabled: text("disabled") === "on" };
    const fail = (errors: FieldErrors) => json({ ok: false as const, userId, errors, values, done: null }, { status: 400 });
    const done = (key: MessageKey) => json({ ok: true as const, userId, errors: {} as FieldErrors, values: null, done: key });

    const parsed = accountSchema.safeParse(form);
    if (!parsed.success) return fail(fieldErrors(parsed.error));
    const { role, agencyId, disabled } = parsed.data;
    // An administrator cannot lock themselves out (and so leave the platform without one).
    if (userId === admin.id && role !== "admin") return fail({ role: "admin.users.selfLockout" });
    if (userId === admin.id && disabled) return fail({ disabled: "admin.users.selfLockout" });
    const result = await updateUserAccount(db, admin.id, userId, { role, agencyId, disabled });
    switch (result.status) {
      case "not-found":
        throw new Response("Not found", { status: 404 });
      case "unknown-agency":
        return fail({ agencyId: "admin.invalidChoice" });
      case "unchanged":
        return done("admin.users.unchanged");
      case "updated":
        return done("admin.users.saved");
    }
  });
}

export default function AdminUsers() {
  const t = useT();
  const { users, total, agencies, selfId } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const target = result ? users.find((u) => u.id === result.userId) : undefined;
  return (
    <section className="stack">
      <p>
        <Link to="/admin">← {t("admin.title")}</Link>
      </p>
      <h1>{t("admin.users.title")}</h1>
      <p className="muted">{t("admin.users.intro")}</p>
      <FormAlert kind="success" message={result?.done ? t(result.done, { name: target?.name ?? "" }) : null} />
      <FormAlert message={result && !result.ok ? t("admin.users.failed", { name: target?.name ?? "" }) : null} />
      <Form method="get" role="search" className="row">
        <label htmlFor="q" className="visually-hidden">
          {t("admin.users.search")}
        </label>
        <input id="q" type="search" name="q" defaultValue={params.get("q") ?? ""} placeholder={t("admin.users.search")} style={{ maxWidth: "20rem" }} />
        <button type="submit" className="button secondary">
          {t("admin.users.searchSubmit")}
        </button>
      </Form>
      <p className="muted" role="status">
        {total > users.length ? t("admin.users.countLimited", { shown: users.length, count: total }) : t("admin.users.count", { count: total })}
      </p>
      <div className="table-wrap">
        <table className="data">
          <thead>
            <tr>
              <th scope="col">{t("admin.users.colUser")}</th>
              <th scope="col">{t("admin.users.colAccess")}</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => {
              const own = result && result.userId === u.id && !result.ok ? result : undefined;
              const errors: Record<string, MessageKey> = own?.errors ?? {};
              const v = own?.values;
              const id = (field: string) => `${field}-${u.id}`;
              const described = (field: string) => (errors[field] ? `${id(field)}-err` : undefined);
              const error = (field: string) =>
                errors[field] ? (
                  <p className="field-error" id={`${id(field)}-err`}>
                    {t(errors[field])}
                  </p>
                ) : null;
              return (
                <tr key={u.id}>
                  <th scope="row" style={{ fontWeight: 400 }}>
                    <strong>{u.name}</strong>
                    {u.id === selfId ? <span className="muted"> ({t("admin.users.you")})</span> : null}
                    <br />
                    <span className="muted">{u.email}</span>
                    <br />
                    {u.disabled ? (
                      <span className="badge bad">{t("admin.users.disabledBadge")}</span>
                    ) : (
                      <span className="badge ok">{t("admin.users.activeBadge")}</span>
                    )}
                  </th>
                  <td>
                    <Form
                      method="post"
                      noValidate
                      aria-label={t("admin.users.form", { name: u.name })}
                      key={`${u.role}-${u.agencyId}-${u.disabled}`}
                      className="row"
                      style={{ alignItems: "flex-end" }}
                    >
                      <input type="hidden" name="userId" value={u.id} />
                      <div className="field">
                        <label htmlFor={id("role")}>{t("admin.users.role")}</label>
                        <select
                          id={id("role")}
                          name="role"
                          defaultValue={v?.role ?? u.role}
                          aria-invalid={errors.role ? true : undefined}
                          aria-describedby={described("role")}
                        >
                          {ROLES.map((r) => (
                            <option key={r} value={r}>
                              {t(`role.${r}`)}
                            </option>
                          ))}
                        </select>
                        {error("role")}
                      </div>
                      <div className="field">
                        <label htmlFor={id("agencyId")}>{t("admin.users.agency")}</label>
                        <select
                          id={id("agencyId")}
                          name="agencyId"
                          defaultValue={v?.agencyId ?? u.agencyId}
                          aria-invalid={errors.agencyId ? true : undefined}
                          aria-describedby={described("agencyId")}
                        >
                          {agencies.map((a) => (
                            <option key={a.id} value={a.id}>
                              {a.label}
                            </option>
                          ))}
                        </select>
                        {error("agencyId")}
                      </div>
                      <div className="field">
                        <label htmlFor={id("disabled")} style={{ display: "flex", gap: "0.4rem", alignItems: "center", minHeight: "44px" }}>
                          <input
                            id={id("disabled")}
                            type="checkbox"
                            name="disabled"
                            value="on"
                            defaultChecked={v ? v.disabled : u.disabled}
                            aria-invalid={errors.disabled ? true : undefined}
                            aria-describedby={described("disabled")}
                            style={{ width: "1.2rem", height: "1.2rem" }}
                          />
                          {t("admin.users.disable")}
                        </label>
                        {error("disabled")}
                      </div>
                      <div className="field">
                        <button type="submit" className="button secondary">
                          {t("admin.users.save")}
                        </button>
                      </div>
                    </Form>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "admin.users.title");
