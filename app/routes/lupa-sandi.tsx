import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { Field, FormAlert } from "~/components/field";
import { requestPasswordReset } from "~/models/password-reset.server";
import { env, publicOrigin } from "~/utils/env.server";
import { useT } from "~/utils/i18n";
import { pageTitle } from "~/utils/meta";
import { handleAction, handleLoader } from "~/utils/pipeline.server";
import { allowHit, clientIp } from "~/utils/rate-limit.server";
import { getDb } from "~/utils/db.server";
import type { StringsHandle } from "~/i18n";
import { idAccount } from "~/i18n/id.account";
import { englishParts } from "~/utils/i18n.server";
import { forgotPasswordSchema } from "~/validation/account-forms.server";

/** Requests per address and per e-mail: enough for a typo or two, too few to mail-bomb an account. */
const FORGOT_LIMITS = { perIp: 10, perEmail: 3, windowMs: 60 * 60 * 1000 };

export const handle: StringsHandle = { strings: { account: idAccount } };

export async function loader(args: LoaderFunctionArgs) {
  return handleLoader(args, { access: "anonymous" }, async () => json({ i18n: englishParts(args.request, handle) }));
}

/** The same answer whether or not the account exists (decision 019); only the rate limit answers differently. */
export async function action(args: ActionFunctionArgs) {
  return handleAction(args, { access: "anonymous", keep: { email: { show: "email", label: "auth.email" } } }, async ({ request, form, lang }) => {
    const db = await getDb();
    const parsed = forgotPasswordSchema.safeParse(Object.fromEntries(form));
    const email = parsed.success ? parsed.data.email.toLowerCase() : "";
    const ip = clientIp(request);
    const allowed =
      (await allowHit(`forgot-ip:${ip ?? "unknown"}`, ip ? FORGOT_LIMITS.perIp : FORGOT_LIMITS.perIp * 10, FORGOT_LIMITS.windowMs)) &&
      (!email || (await allowHit(`forgot-email:${email}`, FORGOT_LIMITS.perEmail, FORGOT_LIMITS.windowMs)));
    if (!allowed) return json({ state: "limited" as const, email }, { status: 429 });
    if (email.includes("@")) await requestPasswordReset(db, email, publicOrigin(request), lang);
    return json({ state: env.smtpUrl ? ("sentMail" as const) : ("sentManager" as const), email: "" });
  });
}

export default function ForgotPassword() {
  const t = useT();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const done = result && result.state !== "limited";
  return (
    <section className="card narrow">
      <h1>{t("forgot.title")}</h1>
      <FormAlert message={result?.state === "limited" ? t("forgot.limited") : null} />
      {done ? (
        <p className="alert success" role="status">
          {t(result.state === "sentMail" ? "forgot.sentMail" : "forgot.sentManager")}
        </p>
      ) : (
        <>
          <p>{t("forgot.intro")}</p>
          <Form method="post" noValidate>
            <Field name="email" label={t("auth.email")} type="email" autoComplete="username" required defaultValue={result?.email ?? ""} />
            <button type="submit" className="button" disabled={busy}>
              {t("forgot.submit")}
            </button>
          </Form>
        </>
      )}
      <p>
        <Link to="/masuk">{t("forgot.back")}</Link>
      </p>
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "forgot.title");
