import type { LoaderFunctionArgs } from "@remix-run/node";
import { staffTemplate } from "~/csv/staff-template.server";
import { handleLoader } from "~/utils/pipeline.server";
import { getDb } from "~/utils/db.server";

/** The staff import template as CSV (the header row, in the viewer's list separator). */
export async function loader(args: LoaderFunctionArgs) {
  return handleLoader(args, { access: "staff:import", download: true }, async ({ user, lang }) => staffTemplate(await getDb(), user, lang, "csv"));
}
