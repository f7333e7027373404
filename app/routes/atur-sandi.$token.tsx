import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Field, FormAlert } from "~/components/field";
import type { MessageKey, StringsHandle } from "~/i18n";
import { consumePasswordToken, findPasswordToken } from "~/models/staff-import.server";
import { useT } from "~/utils/i18n";
import { pageTitle } from "~/utils/meta";
import { hashPassword } from "~/utils/password.server";
import { newPasswordSchema } from "~/validation/account";
import { fieldErrors } from "~/validation/field-errors.server";
import { commonPasswordError } from "~/validation/common-password.server";
import { handleLoader, handleAction } from "~/utils/pipeline.server";
import { getDb } from "~/utils/db.server";
import { idAccount } from "~/i18n/id.account";
import { englishParts } from "~/utils/i18n.server";

export const handle: StringsHandle = { strings: { account: idAccount } };

export async function loader(args: LoaderFunctionArgs) {
  return handleLoader(args, { access: "public" }, async ({ params }) => {
    const db = await getDb();
    const found = await findPasswordToken(db, params.token ?? "");
    return json(
      { i18n: englishParts(args.request, handle), name: found?.name ?? null },
      { headers: { "Referrer-Policy": "no-referrer", "Cache-Control": "no-store" } },
    );
  });
}

export async function action(args: ActionFunctionArgs) {
  return handleAction(
    args,
    {
      access: "public",
      keep: {
        next: { show: "new-password", label: "password.new" },
        confirm: { show: "new-password", label: "password.confirm" },
      },
    },
    async ({ params, form: formData }) => {
      const db = await getDb();
      const parsed = newPasswordSchema.safeParse(Object.fromEntries(formData));
      if (!parsed.success) return json({ errors: fieldErrors(parsed.error) as Record<string, MessageKey> }, { status: 400 });
      const weak = await commonPasswordError(parsed.data.next, (await findPasswordToken(db, params.token ?? "")) ?? {});
      if (weak) return json({ errors: { next: weak } as Record<string, MessageKey> }, { status: 400 });
      if (!(await consumePasswordToken(db, params.token ?? "", await hashPassword(parsed.data.next))))
        return json({ errors: { _form: "setpw.invalid" as MessageKey } }, { status: 400 });
      return redirect("/masuk?sandi=1");
    },
  );
}

export default function SetPassword() {
  const t = useT();
  const { name } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors: Record<string, MessageKey> = result?.errors ?? {};
  if (!name) {
    return (
      <section className="card narrow">
        <h1>{t("setpw.title")}</h1>
        <p className="alert error">{t("setpw.invalid")}</p>
      </section>
    );
  }
  return (
    <section className="card narrow">
      <h1>{t("setpw.title")}</h1>
      <p>{t("setpw.intro", { name })}</p>
      <FormAlert message={errors._form ? t(errors._form) : null} />
      <Form method="post" noValidate>
        <Field name="next" label={t("password.new")} type="password" autoComplete="new-password" hint={t("password.hint")} error={errors.next} />
        <Field name="confirm" label={t("password.confirm")} type="password" autoComplete="new-password" error={errors.confirm} />
        <button type="submit" className="button">
          {t("setpw.submit")}
        </button>
      </Form>
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "setpw.title");
