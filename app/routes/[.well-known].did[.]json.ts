import type { LoaderFunctionArgs } from "@remix-run/node";
import { didDocumentFor } from "~/models/credential.server";
import { publicOrigin } from "~/utils/env.server";
import { handleLoader } from "~/utils/pipeline.server";
import { getDb } from "~/utils/db.server";

/** The deployment's did:web document: every signing key, current and retired (decision 015). Public. */
export async function loader(args: LoaderFunctionArgs) {
  return handleLoader(args, { access: "public", download: true }, async ({ request }) => {
    const db = await getDb();
    const doc = await didDocumentFor(db, publicOrigin(request));
    return new Response(JSON.stringify(doc, null, 2), {
      headers: { "Content-Type": "application/did+json", "Access-Control-Allow-Origin": "*", "Cache-Control": "public, max-age=300" },
    });
  });
}
