import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import type { ShouldRevalidateFunction } from "@remix-run/react";
import { json, redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { SsoProblem } from "~/components/sso-problem";
import { pageTitle } from "~/utils/meta";
import { handleLoader } from "~/utils/pipeline.server";
import type { SsoProblemKind } from "~/utils/sso-link";
import { finishSso, ssoEnabled } from "~/utils/sso.server";
import type { StringsHandle } from "~/i18n";
import { idAccount } from "~/i18n/id.account";
import { englishParts } from "~/utils/i18n.server";

const STATUS: Record<SsoProblemKind, number> = { limited: 429, failed: 400, unavailable: 503, unknown: 403, disabled: 403, conflict: 409 };

export const handle: StringsHandle = { strings: { account: idAccount } };

/** Where the SSO ASN provider sends the browser back: signed in and on to `?ke=`, or a page saying why not. */
export async function loader(args: LoaderFunctionArgs) {
  return handleLoader(args, { access: "public" }, async ({ request }) => {
    if (!ssoEnabled()) throw new Response("Not Found", { status: 404 });
    const outcome = await finishSso(request);
    const headers = new Headers({ "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" });
    for (const cookie of outcome.cookies) headers.append("Set-Cookie", cookie);
    if (outcome.ok) return redirect(outcome.location, { headers });
    return json({ i18n: englishParts(args.request, handle), problem: outcome.problem, nip: outcome.nip }, { status: STATUS[outcome.problem], headers });
  });
}

export default function SsoCallback() {
  const { problem, nip } = useLoaderData<typeof loader>();
  return <SsoProblem problem={problem} nip={nip} />;
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "sso.pageTitle");

// The loader is one step of the sign-in flow (it uses up the flow cookie): never run it again behind the person's back.
export const shouldRevalidate: ShouldRevalidateFunction = () => false;
