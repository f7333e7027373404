import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { signOut } from "~/utils/auth.server";
import { assertSameOrigin } from "~/utils/csrf.server";

export async function loader() {
  // Sign-out changes state, so it is POST only; a GET just goes home.
  return redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  assertSameOrigin(request);
  return redirect("/masuk?keluar=1", { headers: { "Set-Cookie": await signOut(request) } });
}
