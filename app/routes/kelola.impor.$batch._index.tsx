import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ManageNav } from "~/components/kelola/manage-nav";
import { getImportBatch } from "~/models/staff-import.server";
import { useT } from "~/utils/i18n";
import { pageTitle } from "~/utils/meta";
import { handleLoader } from "~/utils/pipeline.server";
import { getDb } from "~/utils/db.server";

export async function loader(args: LoaderFunctionArgs) {
  return handleLoader(args, { access: "manage:open" }, async ({ params, user }) => {
    const db = await getDb();
    const batch = await getImportBatch(db, user, params.batch ?? "");
    if (!batch) throw new Response("Not found", { status: 404 });
    return json({ id: batch.id, count: batch.userIds.length });
  });
}

export default function ImportDone() {
  const t = useT();
  const { id, count } = useLoaderData<typeof loader>();
  return (
    <section className="stack">
      <ManageNav />
      <h1>{t("import.doneTitle")}</h1>
      <p className="alert success" role="status">
        {t("import.done", { count })}
      </p>
      <div className="card">
        <p>{t("import.linksHint")}</p>
        <div className="row">
          <a className="button" href={`/kelola/impor/${id}/tautan.xlsx`} download>
            {t("import.linksXlsx")}
          </a>
          <a className="button secondary" href={`/kelola/impor/${id}/tautan.csv`} download>
            {t("import.links")}
          </a>
        </div>
      </div>
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "import.doneTitle");
