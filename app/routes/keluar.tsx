import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { getUser, signOut, signOutEverywhere } from "~/utils/auth.server";
import { assertSameOrigin } from "~/utils/csrf.server";
import { withOutage503 } from "~/utils/db-unavailable.server";

export async function loader() {
  // Sign-out changes state, so it is POST only; a GET just goes home.
  return redirect("/");
}

/** Ends this session, or with `scope=semua` every session of the account (a lost phone). */
export const action = withOutage503(async ({ request }: ActionFunctionArgs) => {
  assertSameOrigin(request);
  const everywhere = (await request.formData()).get("scope") === "semua";
  if (everywhere) {
    const user = await getUser(request);
    if (user) await signOutEverywhere(user.id);
  }
  return redirect(`/masuk?keluar=${everywhere ? "semua" : "1"}`, { headers: { "Set-Cookie": await signOut(request) } });
}, { keep: {} });
