import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormAlert } from "~/components/field";
import type { MessageKey, StringsHandle } from "~/i18n";
import { getMailSettings, saveMailSettings } from "~/models/mail.server";
import { useT } from "~/utils/i18n";
import { pageTitle } from "~/utils/meta";
import { handleAction, handleLoader } from "~/utils/pipeline.server";
import { can } from "~/utils/policy";
import { getDb } from "~/utils/db.server";
import { idAccount } from "~/i18n/id.account";
import { englishParts } from "~/utils/i18n.server";
import { mailSettingsSchema } from "~/validation/account-forms.server";

export const handle: StringsHandle = { strings: { account: idAccount } };

export async function loader(args: LoaderFunctionArgs) {
  return handleLoader(args, { access: "user" }, async ({ user }) => {
    const db = await getDb();
    const settings = await getMailSettings(db, user.id);
    return json({ i18n: englishParts(args.request, handle), reminders: settings.reminders, digestDay: settings.digestDay, manager: can(user, "manage:open") });
  });
}

/** Reminder e-mails on or off, the manager's digest day; mail is written in the language used here (decision 019). */
export async function action(args: ActionFunctionArgs) {
  return handleAction(args, { access: "user", keep: {} }, async ({ user, form, lang }) => {
    const db = await getDb();
    const parsed = mailSettingsSchema.safeParse(Object.fromEntries(form));
    if (!parsed.success) return json({ ok: false as const }, { status: 400 });
    await saveMailSettings(db, user.id, {
      lang,
      reminders: parsed.data.reminders === "ya",
      ...(can(user, "manage:open") && parsed.data.digestDay ? { digestDay: parsed.data.digestDay } : {}),
    });
    return json({ ok: true as const });
  });
}

export default function MailSettings() {
  const t = useT();
  const { reminders, digestDay, manager } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <section className="card narrow">
      <p>
        <Link to="/akun/kata-sandi">← {t("nav.account")}</Link>
      </p>
      <h1>{t("mailPrefs.title")}</h1>
      <FormAlert kind="success" message={result?.ok ? t("mailPrefs.saved") : null} />
      <FormAlert message={result && !result.ok ? t("error.formHasErrors") : null} />
      <Form method="post" className="stack">
        <label className="choice">
          <input type="checkbox" name="reminders" value="ya" defaultChecked={reminders} /> {t("mailPrefs.reminders")}
        </label>
        {manager ? (
          <div className="field">
            <label htmlFor="digestDay">{t("mailPrefs.digestDay")}</label>
            <select id="digestDay" name="digestDay" defaultValue={String(digestDay)}>
              {[1, 2, 3, 4, 5, 6, 7].map((d) => (
                <option key={d} value={d}>
                  {t(`weekday.${d}` as MessageKey)}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <button type="submit" className="button">
          {t("mailPrefs.submit")}
        </button>
      </Form>
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "mailPrefs.title");
