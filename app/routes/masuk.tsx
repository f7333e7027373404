import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { Field, FormAlert } from "~/components/field";
import { signIn } from "~/utils/auth.server";
import { useT } from "~/utils/i18n";
import { pageTitle } from "~/utils/meta";
import { safeRedirect } from "~/utils/safe-redirect";
import { handleLoader, handleAction } from "~/utils/pipeline.server";
import { ssoEnabled } from "~/utils/sso.server";
import type { StringsHandle } from "~/i18n";
import { idAccount } from "~/i18n/id.account";
import { englishParts } from "~/utils/i18n.server";
import { signInSchema } from "~/validation/account-forms.server";

export const handle: StringsHandle = { strings: { account: idAccount } };

export async function loader(args: LoaderFunctionArgs) {
  return handleLoader(args, { access: "anonymous" }, async ({}) => {
    return json({ i18n: englishParts(args.request, handle), sso: ssoEnabled() });
  });
}

export async function action(args: ActionFunctionArgs) {
  return handleAction(
    args,
    { access: "public", keep: { email: { show: "email", label: "auth.email" }, password: { show: "password", label: "auth.password" } } },
    async ({ request, form: formData }) => {
      const form = Object.fromEntries(formData);
      const parsed = signInSchema.safeParse(form);
      const email = typeof form.email === "string" ? form.email.slice(0, 254) : "";
      if (!parsed.success) return json({ failed: true, email }, { status: 400 });
      const result = await signIn(request, parsed.data.email, parsed.data.password);
      if (!result.ok) return json({ failed: true, email }, { status: 401 });
      return redirect(safeRedirect(parsed.data.ke), { headers: { "Set-Cookie": result.cookie } });
    },
  );
}

export default function SignIn() {
  const t = useT();
  const data = useActionData<typeof action>();
  const { sso } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const busy = useNavigation().state === "submitting";
  return (
    <section className="card narrow">
      <h1>{t("auth.signInTitle")}</h1>
      <FormAlert message={data?.failed ? t("auth.failed") : null} />
      <FormAlert
        kind="success"
        message={!data && params.get("keluar") ? t(params.get("keluar") === "semua" ? "auth.signedOutEverywhere" : "auth.signedOut") : null}
      />
      <FormAlert kind="success" message={!data && params.get("sandi") ? t("setpw.done") : null} />
      <Form method="post" noValidate>
        <input type="hidden" name="ke" value={params.get("ke") ?? ""} />
        <Field name="email" label={t("auth.email")} type="email" autoComplete="username" required defaultValue={data?.email ?? ""} />
        <Field name="password" label={t("auth.password")} type="password" autoComplete="current-password" required />
        <p className="hint">
          <Link to="/lupa-sandi">{t("forgot.link")}</Link>
        </p>
        <button type="submit" className="button" disabled={busy}>
          {t("auth.submit")}
        </button>
      </Form>
      {sso ? (
        <div className="sso">
          <p className="sso-or">{t("sso.or")}</p>
          {/* A plain link: the provider is another site, so this is a full page load (decision 017). */}
          <a className="button secondary" href={params.get("ke") ? `/masuk/sso?ke=${encodeURIComponent(params.get("ke")!)}` : "/masuk/sso"}>
            {t("sso.button")}
          </a>
        </div>
      ) : null}
      <p className="hint">{t("auth.noSignup")}</p>
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "auth.signInTitle");
