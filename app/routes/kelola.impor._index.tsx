import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { CopyButton } from "~/components/copy-button";
import { ManageNav } from "~/components/kelola/manage-nav";
import { TableWrap } from "~/components/table-wrap";
import type { MessageKey } from "~/i18n";
import { agencySubtree } from "~/models/agency.server";
import { commitStaffImport, previewStaffImport, staffFileInput } from "~/models/staff-import.server";
import { DuplicateAccountError } from "~/models/user.server";
import { useT } from "~/utils/i18n";
import { pageTitle } from "~/utils/meta";
import { managedScopePath } from "~/utils/permissions.server";
import { handleLoader, handleAction } from "~/utils/pipeline.server";
import { getDb } from "~/utils/db.server";

const MAX_BYTES = 2 * 1024 * 1024;
// The file or the CSV text plus the other fields and the multipart framing.
const MAX_BODY_BYTES = MAX_BYTES + 64 * 1024;

/** The unit codes the manager may use in the file, to copy into the kode_unit column. */
export async function loader(args: LoaderFunctionArgs) {
  return handleLoader(args, { access: "manage:open" }, async ({ user }) => {
    const db = await getDb();
    const units = await agencySubtree(db, { path: managedScopePath(user) });
    return json({ units: units.map((u) => ({ code: u.code, name: u.name })) });
  });
}

type Failure = { error: MessageKey; line: number | null; preview: null; csv: "" };
const failure = (error: MessageKey, status: number, line: number | null = null) => json<Failure>({ error, line, preview: null, csv: "" }, { status });

/**
 * intent=preview: upload (CSV or .xlsx) → validate → show every row's problems (nothing written).
 * intent=confirm: the same CSV text comes back, is validated again, and valid rows are created in
 * one transaction; if anything changed since the preview, a new preview is shown. When rows have
 * problems the manager must tick that only the valid ones are imported (`lewati` = the number of
 * rows with problems they saw); otherwise nothing is written.
 */
export async function action(args: ActionFunctionArgs) {
  // The import's own cap; the pipeline refuses a bigger body before reading it and the page says why.
  return handleAction(args, { access: "staff:import", keep: {}, maxBytes: MAX_BODY_BYTES, body: "lenient" }, async ({ user, form, badBody }) => {
    const db = await getDb();
    if (badBody === 413) return failure("import.tooLarge", 413);
    // Not multipart, or cut off: nothing usable was sent.
    if (badBody) return failure("import.noFile", 400);
    const intent = form.get("intent");
    const file = form.get("berkas");
    let input: string | Uint8Array | null =
      intent === "confirm" ? String(form.get("csv") ?? "") : file instanceof File && file.size > 0 ? new Uint8Array(await file.arrayBuffer()) : null;
    if (input === null || input.length === 0) return failure("import.noFile", 400);
    if (typeof input !== "string") {
      const read = await staffFileInput(input);
      if (!read.ok) return failure(read.error, 400);
      input = read.input;
    }
    const preview = await previewStaffImport(db, user, input);
    if (!preview.ok) return failure(preview.error, 400, preview.line ?? null);
    const csv = typeof input === "string" ? input : new TextDecoder().decode(input);
    const invalid = preview.result.rows.filter((r) => r.errors.length > 0).length;
    const shown = { ...preview.result, invalid };
    if (intent === "confirm" && preview.result.validCount > 0 && preview.result.headerErrors.length === 0) {
      const submitted = Number(form.get("expected") ?? -1);
      // The preview the manager approved must still be the truth; otherwise show the new one.
      if (submitted === preview.result.validCount) {
        // Rows with problems are skipped only when the manager saw exactly these and said so.
        if (invalid > 0 && Number(form.get("lewati") ?? -1) !== invalid) {
          return json({ error: "import.chooseSkip" as MessageKey, line: null, preview: shown, csv }, { status: 400 });
        }
        try {
          const batchId = await commitStaffImport(db, user, preview.result);
          throw redirect(`/kelola/impor/${batchId}`);
        } catch (error) {
          // Someone took an email or NIP in the last moment: the transaction rolled back whole.
          if (!(error instanceof DuplicateAccountError)) throw error;
        }
      }
      return json({ error: "import.changed" as MessageKey, line: null, preview: shown, csv }, { status: 409 });
    }
    return json({ error: null, line: null, preview: shown, csv });
  });
}

export default function StaffImport() {
  const t = useT();
  const { units } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const preview = data?.preview;
  const bad = preview ? preview.rows.filter((r) => r.errors.length > 0) : [];
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
      <div className="row">
        <span>{t("import.template")}</span>
        <a className="button secondary" href="/kelola/impor/templat.xlsx" download>
          {t("import.templateXlsx")}
        </a>
        <a className="button secondary" href="/kelola/impor/templat.csv" download>
          {t("import.templateCsv")}
        </a>
      </div>
      <Form method="post" encType="multipart/form-data" className="card narrow">
        <input type="hidden" name="intent" value="preview" />
        <div className="field">
          <label htmlFor="berkas">{t("import.file")}</label>
          <input
            id="berkas"
            name="berkas"
            type="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            required
          />
        </div>
        <button type="submit" className="button secondary">
          {t("import.preview")}
        </button>
      </Form>
      {preview ? (
        <div className="card stack">
          <h2 id="import-preview-title">{t("import.previewTitle", { valid: preview.validCount, invalid: preview.invalid })}</h2>
          {preview.headerErrors.map((e) => (
            <p key={e} className="alert error" role="alert">
              {t(e as MessageKey, { columns: [...preview.missingColumns, ...preview.extraColumns].join(", ") })}
            </p>
          ))}
          {bad.length > 0 ? (
            <div className="alert error import-problems">
              <h3 id="import-problems-title">{t("import.problemsTitle", { count: bad.length })}</h3>
              <ul aria-labelledby="import-problems-title">
                {bad.map((r) => (
                  <li key={r.line}>
                    <strong>{t("import.problemLine", { line: r.line })}</strong>
                    {r.email || r.name ? ` (${r.email || r.name})` : ""}: {r.errors.map((e) => t(e as MessageKey)).join(" ")}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          {preview.validCount > 0 && preview.headerErrors.length === 0 ? (
            <Form method="post" encType="multipart/form-data" className="stack">
              <input type="hidden" name="intent" value="confirm" />
              <input type="hidden" name="expected" value={preview.validCount} />
              <input type="hidden" name="csv" value={data.csv} />
              <p className="hint">{t("import.confirmHint")}</p>
              {preview.invalid > 0 ? (
                <label className="choice">
                  <input type="checkbox" name="lewati" value={preview.invalid} required />{" "}
                  {t("import.skipChoice", { invalid: preview.invalid, valid: preview.validCount })}
                </label>
              ) : null}
              <div>
                <button type="submit" className="button">
                  {t("import.confirm", { count: preview.validCount })}
                </button>
              </div>
            </Form>
          ) : null}
          <TableWrap labelledBy="import-preview-title">
            <table className="data">
              <thead>
                <tr>
                  <th scope="col">{t("import.colLine")}</th>
                  <th scope="col">{t("import.colErrors")}</th>
                  <th scope="col">{t("users.name")}</th>
                  <th scope="col">{t("users.email")}</th>
                  <th scope="col">NIP</th>
                  <th scope="col">{t("users.colAgency")}</th>
                  <th scope="col">{t("users.role")}</th>
                  <th scope="col">{t("users.asnKind")}</th>
                </tr>
              </thead>
              <tbody>
                {preview.rows.map((r) => (
                  <tr key={r.line} className={r.errors.length ? "row-bad" : ""}>
                    <td>{r.line}</td>
                    <td>{r.errors.length ? r.errors.map((e) => t(e as MessageKey)).join(" ") : <span className="badge ok">{t("import.ok")}</span>}</td>
                    <td>{r.name}</td>
                    <td>{r.email}</td>
                    <td className="nowrap">{r.nip ?? "—"}</td>
                    <td>{r.unitCode}</td>
                    <td>{t(`role.${r.role}`)}</td>
                    <td>{t(`asnKind.${r.asnKind}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        </div>
      ) : null}
      <details className="card">
        <summary>{t("import.unitCodes", { count: units.length })}</summary>
        <p className="muted">{t("import.unitCodesHint")}</p>
        <TableWrap labelledBy="import-unit-codes">
          <table className="data">
            <caption id="import-unit-codes" className="visually-hidden">
              {t("import.unitCodes", { count: units.length })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t("import.colCode")}</th>
                <th scope="col">{t("users.colAgency")}</th>
              </tr>
            </thead>
            <tbody>
              {units.map((u) => (
                <tr key={u.code}>
                  <td>
                    <code>{u.code}</code> <CopyButton text={u.code} label={t("import.copyCode", { code: u.code })} />
                  </td>
                  <td>{u.name}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      </details>
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "import.title");
