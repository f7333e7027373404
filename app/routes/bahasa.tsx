import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { parseLang } from "~/i18n";
import { assertSameOrigin } from "~/utils/csrf.server";
import { langCookie } from "~/utils/i18n.server";

export async function loader() {
  return redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const form = await request.formData();
  const to = String(form.get("ke") ?? "/");
  // Browsers read "/\host" as "//host": only same-site paths.
  const target = to.startsWith("/") && !to.startsWith("//") && !to.startsWith("/\\") ? to : "/";
  return redirect(target, { headers: { "Set-Cookie": langCookie(parseLang(String(form.get("lang")))) } });
}
