import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import { Field, FormAlert } from "~/components/field";
import { changePassword } from "~/models/user.server";
import { createSessionCookie, signOutEverywhere } from "~/utils/auth.server";
import { useT } from "~/utils/i18n";
import { pageTitle } from "~/utils/meta";
import { changePasswordSchema } from "~/validation/account";
import { fieldErrors } from "~/validation/field-errors.server";
import { commonPasswordError } from "~/validation/common-password.server";
import { handleLoader, handleAction } from "~/utils/pipeline.server";
import { getDb } from "~/utils/db.server";
import type { StringsHandle } from "~/i18n";
import { idAccount } from "~/i18n/id.account";
import { englishParts } from "~/utils/i18n.server";

export const handle: StringsHandle = { strings: { account: idAccount } };

export async function loader(args: LoaderFunctionArgs) {
  return handleLoader(args, { access: "user" }, async ({}) => {
    return json({ i18n: englishParts(args.request, handle) });
  });
}

export async function action(args: ActionFunctionArgs) {
  return handleAction(
    args,
    {
      access: "user",
      keep: {
        current: { show: "password", label: "password.current" },
        next: { show: "new-password", label: "password.new" },
        confirm: { show: "new-password", label: "password.confirm" },
      },
    },
    async ({ request, user, form: formData }) => {
      const db = await getDb();
      const form = Object.fromEntries(formData);
      const parsed = changePasswordSchema.safeParse(form);
      if (!parsed.success) return json({ ok: false as const, errors: fieldErrors(parsed.error) }, { status: 400 });
      const weak = await commonPasswordError(parsed.data.next, user);
      if (weak) return json({ ok: false as const, errors: { next: weak } }, { status: 400 });
      if (!(await changePassword(db, user.id, parsed.data.current, parsed.data.next))) {
        return json({ ok: false as const, errors: { current: "error.passwordWrong" as const } }, { status: 400 });
      }
      // A changed password ends every other session; this device gets a fresh one.
      await signOutEverywhere(user.id);
      return json({ ok: true as const, errors: {} }, { headers: { "Set-Cookie": await createSessionCookie(request, user.id) } });
    },
  );
}

export default function ChangePassword() {
  const t = useT();
  const data = useActionData<typeof action>();
  const errors: Record<string, import("~/i18n").MessageKey> = data?.errors ?? {};
  return (
    <section className="card narrow">
      <h1>{t("password.title")}</h1>
      <FormAlert kind="success" message={data?.ok ? t("password.saved") : null} />
      <FormAlert message={data && !data.ok ? t("error.formHasErrors") : null} />
      <Form method="post" noValidate>
        <Field name="current" label={t("password.current")} type="password" autoComplete="current-password" error={errors.current} />
        <Field name="next" label={t("password.new")} type="password" autoComplete="new-password" hint={t("password.hint")} error={errors.next} />
        <Field name="confirm" label={t("password.confirm")} type="password" autoComplete="new-password" error={errors.confirm} />
        <button type="submit" className="button">
          {t("password.submit")}
        </button>
      </Form>
      <h2>{t("sessions.title")}</h2>
      <p>{t("sessions.help")}</p>
      <Form method="post" action="/keluar">
        <input type="hidden" name="scope" value="semua" />
        <button type="submit" className="button secondary">
          {t("sessions.signOutEverywhere")}
        </button>
      </Form>
      <h2>{t("mailPrefs.title")}</h2>
      <p>
        <Link to="/akun/email">{t("mailPrefs.reminders")}</Link>
      </p>
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "password.title");
