import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form } from "@remix-run/react";
import { useT } from "~/utils/i18n";
import { pageTitle } from "~/utils/meta";

/** The public "enter a code" form; a GET with ?kode= goes to the verification page. */
export async function loader({ request }: LoaderFunctionArgs) {
  // By code point: a UTF-16 slice can split an emoji, and encodeURIComponent throws on the half.
  const kode = Array.from(new URL(request.url).searchParams.get("kode")?.trim() ?? "").slice(0, 64).join("");
  if (kode) throw redirect(`/sertifikat/${encodeURIComponent(kode)}`);
  return json({});
}

export default function VerifyForm() {
  const t = useT();
  return (
    <section className="card narrow">
      <h1>{t("cert.verifyTitle")}</h1>
      <p>{t("cert.verifyIntro")}</p>
      <Form method="get">
        <div className="field">
          <label htmlFor="kode">{t("cert.verifyInput")}</label>
          <input id="kode" name="kode" type="text" autoComplete="off" autoCapitalize="characters" spellCheck={false} />
        </div>
        <button type="submit" className="button">
          {t("cert.verifySubmit")}
        </button>
      </Form>
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "cert.verifyTitle");
