import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import type { ShouldRevalidateFunction } from "@remix-run/react";
import { json, redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { SsoProblem } from "~/components/sso-problem";
import { pageTitle } from "~/utils/meta";
import { handleLoader } from "~/utils/pipeline.server";
import { ssoEnabled, startSso, SsoUnavailable } from "~/utils/sso.server";
import type { StringsHandle } from "~/i18n";
import { idAccount } from "~/i18n/id.account";
import { englishParts } from "~/utils/i18n.server";

export const handle: StringsHandle = { strings: { account: idAccount } };

/**
 * "Masuk dengan SSO ASN" starts here (a plain link, so it works without JavaScript and agency
 * portals can link to it): off to the provider with state, nonce and PKCE (decision 017).
 */
export async function loader(args: LoaderFunctionArgs) {
  return handleLoader(args, { access: "anonymous" }, async ({ request }) => {
    if (!ssoEnabled()) throw new Response("Not Found", { status: 404 });
    try {
      const { url, cookie } = await startSso(request, new URL(request.url).searchParams.get("ke"));
      return redirect(url, { headers: { "Set-Cookie": cookie, "Cache-Control": "no-store" } });
    } catch (error) {
      if (!(error instanceof SsoUnavailable)) throw error;
      return json(
        { i18n: englishParts(args.request, handle), problem: "unavailable" as const },
        { status: 503, headers: { "Retry-After": "30", "Cache-Control": "no-store" } },
      );
    }
  });
}

export default function SsoStart() {
  const { problem } = useLoaderData<typeof loader>();
  return <SsoProblem problem={problem} />;
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "sso.pageTitle");

// The loader is one step of the sign-in flow (it uses up the flow cookie): never run it again behind the person's back.
export const shouldRevalidate: ShouldRevalidateFunction = () => false;
