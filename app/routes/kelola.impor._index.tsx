import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { ManageNav } from "~/components/kelola/manage-nav";
import { TableWrap } from "~/components/table-wrap";
import type { MessageKey } from "~/i18n";
import { commitStaffImport, previewStaffImport } from "~/models/staff-import.server";
import { DuplicateAccountError } from "~/models/user.server";
import { useT } from "~/utils/i18n";
import { pageTitle } from "~/utils/meta";
import { handleLoader, handleAction } from "~/utils/pipeline.server";

const MAX_BYTES = 2 * 1024 * 1024;
// The file or the CSV text plus the other fields and the multipart framing.
const MAX_BODY_BYTES = MAX_BYTES + 64 * 1024;

export async function loader(args: LoaderFunctionArgs) {
  return handleLoader(args, { access: "manage:open" }, async ({  }) => {
  return json({});
});
};

/**
 * intent=preview: upload → validate → show every row's problems (nothing written).
 * intent=confirm: the same CSV text comes back, is validated again, and valid rows are
 * created in one transaction; if anything changed since the preview, a new preview is shown.
 */
export async function action(args: ActionFunctionArgs) {
  // The import's own cap; the pipeline refuses a bigger body before reading it and the page says why.
  return handleAction(args, { access: "staff:import", keep: {}, maxBytes: MAX_BODY_BYTES, body: "lenient" }, async ({ user, form, badBody }) => {
  if (badBody === 413) return json({ error: "import.tooLarge" as MessageKey, line: null, preview: null, csv: "" }, { status: 413 });
  // Not multipart, or cut off: nothing usable was sent.
  if (badBody) return json({ error: "import.noFile" as MessageKey, line: null, preview: null, csv: "" }, { status: 400 });
  const intent = form.get("intent");
  const file = form.get("berkas");
  const input = intent === "confirm" ? String(form.get("csv") ?? "") : file instanceof File && file.size > 0 ? new Uint8Array(await file.arrayBuffer()) : null;
  if (input === null || input.length === 0) return json({ error: "import.noFile" as MessageKey, line: null, preview: null, csv: "" }, { status: 400 });
  const preview = await previewStaffImport(user, input);
  if (!preview.ok) return json({ error: preview.error as MessageKey, line: preview.line ?? null, preview: null, csv: "" }, { status: 400 });
  const csv = typeof input === "string" ? input : new TextDecoder().decode(input);
  const invalid = preview.result.rows.filter((r) => r.errors.length > 0).length;
  if (intent === "confirm" && preview.result.validCount > 0 && preview.result.headerErrors.length === 0) {
    const submitted = Number(form.get("expected") ?? -1);
    // The preview the manager approved must still be the truth; otherwise show the new one.
    if (submitted === preview.result.validCount) {
      try {
        const batchId = await commitStaffImport(user, preview.result);
        throw redirect(`/kelola/impor/${batchId}`);
      } catch (error) {
        // Someone took an email or NIP in the last moment: the transaction rolled back whole.
        if (!(error instanceof DuplicateAccountError)) throw error;
      }
    }
    return json({ error: "import.changed" as MessageKey, line: null, preview: { ...preview.result, invalid }, csv }, { status: 409 });
  }
  return json({ error: null, line: null, preview: { ...preview.result, invalid }, csv });
});
};

export default function StaffImport() {
  const t = useT();
  const data = useActionData<typeof action>();
  const preview = data?.preview;
  return (
    <section className="stack">
      <ManageNav />
      <h1>{t("import.title")}</h1>
      <p className="muted">{t("import.intro")}</p>
      {data?.error ? (
        <p className="alert error" role="alert">
          {t(data.error, { line: data.line ?? "" })}
        </p>
      ) : null}
      <Form method="post" encType="multipart/form-data" className="card narrow">
        <input type="hidden" name="intent" value="preview" />
        <div className="field">
          <label htmlFor="berkas">{t("import.file")}</label>
          <input id="berkas" name="berkas" type="file" accept=".csv,text/csv" required />
        </div>
        <button type="submit" className="button secondary">
          {t("import.preview")}
        </button>
      </Form>
      {preview ? (
        <div className="card">
          <h2 id="import-preview-title">{t("import.previewTitle", { valid: preview.validCount, invalid: preview.invalid })}</h2>
          {preview.headerErrors.map((e) => (
            <p key={e} className="alert error" role="alert">
              {t(e as MessageKey, { columns: [...preview.missingColumns, ...preview.extraColumns].join(", ") })}
            </p>
          ))}
          <TableWrap labelledBy="import-preview-title">
            <table className="data">
              <thead>
                <tr>
                  <th scope="col">{t("import.colLine")}</th>
                  <th scope="col">{t("users.name")}</th>
                  <th scope="col">{t("users.email")}</th>
                  <th scope="col">NIP</th>
                  <th scope="col">{t("users.colAgency")}</th>
                  <th scope="col">{t("users.role")}</th>
                  <th scope="col">{t("import.colErrors")}</th>
                </tr>
              </thead>
              <tbody>
                {preview.rows.map((r) => (
                  <tr key={r.line} className={r.errors.length ? "row-bad" : ""}>
                    <td>{r.line}</td>
                    <td>{r.name}</td>
                    <td>{r.email}</td>
                    <td>{r.nip ?? "—"}</td>
                    <td>{r.unitCode}</td>
                    <td>{t(`role.${r.role}`)}</td>
                    <td>{r.errors.length ? r.errors.map((e) => t(e as MessageKey)).join(" ") : <span className="badge ok">{t("import.ok")}</span>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
          {preview.validCount > 0 && preview.headerErrors.length === 0 ? (
            <Form method="post" encType="multipart/form-data">
              <input type="hidden" name="intent" value="confirm" />
              <input type="hidden" name="expected" value={preview.validCount} />
              <input type="hidden" name="csv" value={data.csv} />
              <p className="hint">{t("import.confirmHint")}</p>
              <button type="submit" className="button">
                {t("import.confirm", { count: preview.validCount })}
              </button>
            </Form>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "import.title");
