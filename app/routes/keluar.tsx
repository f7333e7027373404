import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { getUser, signOut, signOutEverywhere } from "~/utils/auth.server";
import { plainTextAnswer } from "~/utils/i18n.server";
import { handleAction } from "~/utils/pipeline.server";

export async function loader() {
  // Sign-out changes state, so it is POST only; a GET just goes home.
  return redirect("/");
}

/**
 * Ends this session, or with `scope=semua` every session of the account (a lost phone). A body
 * that is not a form still signs out (the reader wanted out), then answers 415/413 instead of 500.
 */
export async function action(args: ActionFunctionArgs) {
  return handleAction(args, { access: "public", keep: {}, body: "lenient" }, async ({ request, form, badBody }) => {
    const everywhere = form.get("scope") === "semua";
    if (everywhere) {
      const user = await getUser(request);
      if (user) await signOutEverywhere(user.id);
    }
    const cookie = await signOut(request);
    if (badBody) {
      const refused = plainTextAnswer(request, badBody === 413 ? "error.tooLarge" : "error.badForm", { status: badBody });
      refused.headers.set("Set-Cookie", cookie);
      return refused;
    }
    return redirect(`/masuk?keluar=${everywhere ? "semua" : "1"}`, { headers: { "Set-Cookie": cookie } });
  });
}
