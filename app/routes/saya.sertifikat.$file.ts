import type { LoaderFunctionArgs } from "@remix-run/node";
import { holderCredential } from "~/models/credential.server";
import { publicOrigin } from "~/utils/env.server";
import { plainTextAnswer } from "~/utils/i18n.server";
import { handleLoader } from "~/utils/pipeline.server";
import { getDb } from "~/utils/db.server";

/**
 * The holder's own certificate as an Open Badges 3.0 credential: `<code>.jwt` is the signed
 * VC-JWT (for wallets and the public verification page), `<code>.json` the same credential as
 * JSON-LD to read. Only the holder gets it — nobody else, admins included.
 */
export async function loader(args: LoaderFunctionArgs) {
  return handleLoader(args, { access: "user", download: true }, async ({ request, params, user }) => {
    const db = await getDb();
    const match = /^(SGP-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})\.(jwt|json)$/.exec(params.file ?? "");
    const signed = match ? await holderCredential(db, user.id, match[1]!, publicOrigin(request)) : null;
    if (!match || !signed) throw plainTextAnswer(request, "error.fileNotFound", { status: 404 });
    const [, code, kind] = match;
    const jwt = kind === "jwt";
    return new Response(jwt ? signed.jwt : JSON.stringify(signed.credential, null, 2), {
      headers: {
        "Content-Type": jwt ? "application/vc+jwt" : "application/ld+json; charset=utf-8",
        "Content-Disposition": `${jwt ? "attachment" : "inline"}; filename="sertifikat-${code}.${kind}"`,
        "Cache-Control": "private, no-store",
      },
    });
  });
}
