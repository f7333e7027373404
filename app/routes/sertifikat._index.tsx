import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { CredentialCheck } from "~/components/credential-check";
import type { MessageKey, StringsHandle } from "~/i18n";
import { verifyCredentialJwt } from "~/models/credential.server";
import { publicOrigin } from "~/utils/env.server";
import { useT } from "~/utils/i18n";
import { pageTitle } from "~/utils/meta";
import { handleAction } from "~/utils/pipeline.server";
import { allowHitInMemory } from "~/utils/memory-limit.server";
import { clientIp } from "~/utils/rate-limit.server";
import { readDb } from "~/utils/db.server";
import { idCredentials } from "~/i18n/id.credentials";
import { englishParts } from "~/utils/i18n.server";

/** Pasted or uploaded credentials are small (a few KiB); anything near this is not one of ours. */
const CREDENTIAL_BODY_LIMIT = 256 * 1024;

export const handle: StringsHandle = { strings: { credentials: idCredentials } };

/** The public "enter a code" form; a GET with ?kode= goes to the verification page. */
export async function loader({ request }: LoaderFunctionArgs) {
  // By code point: a UTF-16 slice can split an emoji, and encodeURIComponent throws on the half.
  const kode = Array.from(new URL(request.url).searchParams.get("kode")?.trim() ?? "")
    .slice(0, 64)
    .join("");
  if (kode) throw redirect(`/sertifikat/${encodeURIComponent(kode)}`);
  return json({ i18n: englishParts(request, handle) });
}

/**
 * Checks a pasted or uploaded Open Badges credential (VC-JWT) issued by this deployment:
 * signature with the published key, validity period and status lists (decision 015).
 * Rate-limited per address together with code lookups.
 */
export async function action(args: ActionFunctionArgs) {
  return handleAction(
    args,
    { access: "public", maxBytes: CREDENTIAL_BODY_LIMIT, keep: { credential: { show: "textarea", label: "cred.paste" } } },
    async ({ request, form }) => {
      const db = await readDb(request);
      const fail = (error: MessageKey, pasted: string, status: number) => json({ error, pasted, result: null }, { status });
      const pasted = String(form.get("credential") ?? "").slice(0, CREDENTIAL_BODY_LIMIT);
      const file = form.get("berkas");
      const uploaded = file && typeof file !== "string" && file.size > 0 ? await file.text() : "";
      const token = (uploaded || pasted).trim();
      const shown = uploaded ? "" : pasted;
      if (!token) return fail("cred.empty", shown, 400);
      const ip = clientIp(request);
      if (!allowHitInMemory(`verify:${ip ?? "unknown"}`, ip ? 30 : 600, 60_000)) return fail("cert.rateLimited", shown, 429);
      const result = await verifyCredentialJwt(db, token, publicOrigin(request));
      return json({ error: null, pasted: shown, result });
    },
  );
}

export default function VerifyForm() {
  const t = useT();
  const checked = useActionData<typeof action>();
  return (
    <div className="stack">
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
      <CredentialCheck result={checked?.result ?? null} error={checked?.error ?? null} pasted={checked?.pasted ?? ""} />
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "cert.verifyTitle");
