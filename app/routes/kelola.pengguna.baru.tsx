import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Field, FormAlert } from "~/components/field";
import type { MessageKey } from "~/i18n";
import { agencyInSubtree, agencySubtree } from "~/models/agency.server";
import { createUser, DuplicateAccountError } from "~/models/user.server";
import { type SessionUser } from "~/utils/auth.server";
import { useT } from "~/utils/i18n";
import { pageTitle } from "~/utils/meta";
import { canGrantRole, grantableRoles, managedScopePath } from "~/utils/permissions.server";
import { newAccountSchema, type FieldErrors } from "~/validation/account";
import { fieldErrors } from "~/validation/field-errors.server";
import { commonPasswordError } from "~/validation/common-password.server";
import { handleLoader, handleAction } from "~/utils/pipeline.server";
import { getDb, type Db } from "~/utils/db.server";

async function formOptions(db: Db, user: SessionUser) {
  const agencies = await agencySubtree(db, { path: managedScopePath(user) });
  const depth = (path: string) => path.split("/").length - 3;
  return {
    agencies: agencies.map((a) => ({ id: a.id, label: `${"· ".repeat(Math.max(0, depth(a.path) - depth(managedScopePath(user)) + 1))}${a.name}` })),
    roles: grantableRoles(user),
  };
}

export async function loader(args: LoaderFunctionArgs) {
  return handleLoader(args, { access: "manage:open" }, async ({ user }) => {
    return json(await formOptions(await getDb(), user));
  });
}

export async function action(args: ActionFunctionArgs) {
  return handleAction(
    args,
    {
      access: "user:create",
      keep: {
        name: { show: "text", label: "users.name" },
        email: { show: "email", label: "users.email" },
        nip: { show: "text", label: "users.nip" },
        password: { show: "new-password", label: "users.password" },
      },
    },
    async ({ user, form: formData }) => {
      const db = await getDb();
      const form = Object.fromEntries(formData);
      const values = {
        name: String(form.name ?? ""),
        email: String(form.email ?? ""),
        nip: String(form.nip ?? ""),
        agencyId: String(form.agencyId ?? ""),
        role: String(form.role ?? ""),
      };
      const fail = (errors: FieldErrors) => json({ ok: false as const, errors, values }, { status: 400 });
      const parsed = newAccountSchema.safeParse(form);
      if (!parsed.success) return fail(fieldErrors(parsed.error));
      const weak = await commonPasswordError(parsed.data.password, parsed.data);
      if (weak) return fail({ password: weak });
      if (!(await agencyInSubtree(db, managedScopePath(user), parsed.data.agencyId))) return fail({ agencyId: "error.agencyScope" });
      if (!canGrantRole(user, parsed.data.role)) return fail({ role: "error.roleScope" });
      try {
        const created = await createUser(db, parsed.data, user.id);
        return json({ ok: true as const, errors: {} as FieldErrors, values: null, email: created.email });
      } catch (error) {
        if (error instanceof DuplicateAccountError) return fail({ [error.field]: error.field === "email" ? "error.emailTaken" : "error.nipTaken" });
        throw error;
      }
    },
  );
}

export default function NewUser() {
  const t = useT();
  const { agencies, roles } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const errors: Record<string, MessageKey> = data?.errors ?? {};
  const v = data?.values;
  return (
    <section className="card narrow">
      <h1>{t("users.new")}</h1>
      <FormAlert kind="success" message={data?.ok ? t("users.created", { email: data.email }) : null} />
      <FormAlert message={data && !data.ok ? t("error.formHasErrors") : null} />
      <Form method="post" noValidate key={data?.ok ? data.email : "form"}>
        <Field name="name" label={t("users.name")} autoComplete="off" defaultValue={v?.name} error={errors.name} />
        <Field name="email" label={t("users.email")} type="email" autoComplete="off" defaultValue={v?.email} error={errors.email} />
        <Field name="nip" label={t("users.nip")} inputMode="numeric" defaultValue={v?.nip} error={errors.nip} />
        <Field name="agencyId" label={t("users.agency")} error={errors.agencyId}>
          <select id="f-agencyId" name="agencyId" defaultValue={v?.agencyId} aria-invalid={errors.agencyId ? true : undefined}>
            {agencies.map((a) => (
              <option key={a.id} value={a.id}>
                {a.label}
              </option>
            ))}
          </select>
        </Field>
        <Field name="role" label={t("users.role")} error={errors.role}>
          <select id="f-role" name="role" defaultValue={v?.role ?? "learner"}>
            {roles.map((r) => (
              <option key={r} value={r}>
                {t(`role.${r}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field name="password" label={t("users.password")} type="password" autoComplete="new-password" hint={t("password.hint")} error={errors.password} />
        <button type="submit" className="button">
          {t("users.submit")}
        </button>
      </Form>
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "users.new");
