import type { LoaderFunctionArgs } from "@remix-run/node";
import { STATUS_PURPOSES, type StatusPurpose } from "~/credentials/status-list.server";
import { statusListCredential } from "~/models/credential.server";
import { publicOrigin } from "~/utils/env.server";
import { plainTextAnswer } from "~/utils/i18n.server";
import { handleLoader } from "~/utils/pipeline.server";
import { getDb } from "~/utils/db.server";

/**
 * A Bitstring Status List credential (revocation or suspension), signed as a VC-JWT. Public and
 * anonymous by design: it holds one bit per credential and nothing about any person.
 */
export async function loader(args: LoaderFunctionArgs) {
  return handleLoader(args, { access: "public", download: true }, async ({ request, params }) => {
    const db = await getDb();
    const purpose = params.purpose as StatusPurpose;
    const list = Number(params.list);
    if (!STATUS_PURPOSES.includes(purpose) || !/^\d{1,6}$/.test(params.list ?? "") || !Number.isSafeInteger(list)) {
      throw plainTextAnswer(request, "error.fileNotFound", { status: 404 });
    }
    const jwt = await statusListCredential(db, purpose, list, publicOrigin(request));
    return new Response(jwt, {
      headers: { "Content-Type": "application/vc+jwt", "Access-Control-Allow-Origin": "*", "Cache-Control": "public, max-age=60" },
    });
  });
}
