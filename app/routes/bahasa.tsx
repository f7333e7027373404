import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { parseLang } from "~/i18n";
import { saveMailSettings } from "~/models/mail.server";
import { langCookie } from "~/utils/i18n.server";
import { handleAction } from "~/utils/pipeline.server";
import { safeRedirect } from "~/utils/safe-redirect";
import { getDb } from "~/utils/db.server";

export async function loader() {
  return redirect("/");
}

/** Switches the language and returns to the page the reader was on (a same-site path only). */
export async function action(args: ActionFunctionArgs) {
  return handleAction(args, { access: "public" }, async ({ form, user }) => {
    const db = await getDb();
    const lang = parseLang(String(form.get("lang")));
    // A signed-in person's e-mails follow the language they chose (decision 019).
    if (user) await saveMailSettings(db, user.id, { lang });
    return redirect(safeRedirect(form.get("ke")), { headers: { "Set-Cookie": langCookie(lang) } });
  });
}
