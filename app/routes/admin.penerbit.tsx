import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Field, FormAlert } from "~/components/field";
import type { MessageKey } from "~/i18n";
import { didWebFor } from "~/credentials/did";
import { allAgencies, getAgency } from "~/models/agency.server";
import { publishedKeys, rotateIssuerKey, currentIssuerKey } from "~/models/credential.server";
import { DEFAULT_SCOPE, listSignatories, removeSignatory, saveSignatory } from "~/models/signatory.server";
import { formatDate } from "~/utils/dates";
import { publicOrigin } from "~/utils/env.server";
import { useT } from "~/utils/i18n";
import { serverTranslator } from "~/utils/i18n.server";
import { pageTitle } from "~/utils/meta";
import { handleAction, handleLoader } from "~/utils/pipeline.server";
import type { FieldErrors } from "~/validation/account";
import { fieldErrors } from "~/validation/field-errors.server";
import { getDb } from "~/utils/db.server";
import { issuerSchema } from "~/validation/admin-forms.server";

export async function loader(args: LoaderFunctionArgs) {
  return handleLoader(args, { access: "issuer:edit" }, async ({ request, lang }) => {
    const db = await getDb();
    await currentIssuerKey(db);
    const [agencies, signatories, keys] = await Promise.all([allAgencies(db), listSignatories(db), publishedKeys(db)]);
    return json({
      did: didWebFor(publicOrigin(request)),
      agencies: agencies.map((a) => ({ id: a.id, name: a.name })),
      signatories: signatories.map((s) => ({
        scope: s.scope,
        agencyName: s.agencyName,
        institution: s.institution,
        signatoryName: s.signatoryName,
        signatoryNip: s.signatoryNip,
        signatoryTitle: s.signatoryTitle,
      })),
      keys: keys.map((k) => ({
        id: k.id,
        current: k.current,
        created: formatDate(k.createdAt, lang),
        retired: k.retiredAt ? formatDate(k.retiredAt, lang) : null,
      })),
    });
  });
}

export async function action(args: ActionFunctionArgs) {
  return handleAction(
    args,
    {
      access: "issuer:edit",
      keep: {
        institution: { show: "text", label: "admin.issuer.institution" },
        signatoryName: { show: "text", label: "admin.issuer.signatoryName" },
        signatoryNip: { show: "text", label: "admin.issuer.signatoryNip" },
        signatoryTitle: { show: "text", label: "admin.issuer.signatoryTitle" },
      },
    },
    async ({ user, form, lang }) => {
      const db = await getDb();
      const t = serverTranslator(lang);
      const values = Object.fromEntries([...form.entries()].filter(([, v]) => typeof v === "string")) as Record<string, string>;
      const fail = (errors: FieldErrors) => json({ ok: false as const, errors, values, done: null }, { status: 400 });
      const done = (key: MessageKey, vars: Record<string, string>) => json({ ok: true as const, errors: {} as FieldErrors, values: null, done: { key, vars } });
      if (!["save", "remove", "rotate"].includes(values.intent ?? "")) return fail({ _form: "error.badForm" });
      const parsed = issuerSchema.safeParse(values);
      if (!parsed.success) return fail(fieldErrors(parsed.error));
      const data = parsed.data;
      switch (data.intent) {
        case "save": {
          const agency = data.agencyId ? await getAgency(db, data.agencyId) : null;
          if (data.agencyId && !agency) return fail({ agencyId: "admin.issuer.unknownAgency" });
          const { intent: _intent, agencyId, ...signatory } = data;
          await saveSignatory(db, user.id, agencyId, signatory);
          return done("admin.issuer.saved", { scope: agency?.name ?? t("admin.issuer.scopeDefault") });
        }
        case "remove": {
          const agency = data.scope === DEFAULT_SCOPE ? null : await getAgency(db, data.scope);
          if (!(await removeSignatory(db, user.id, data.scope))) throw new Response("Not found", { status: 404 });
          return done("admin.issuer.removed", { scope: agency?.name ?? t("admin.issuer.scopeDefault") });
        }
        case "rotate": {
          const id = await rotateIssuerKey(db, user.id);
          return done("admin.issuer.rotated", { id });
        }
      }
    },
  );
}

export default function AdminIssuer() {
  const t = useT();
  const { did, agencies, signatories, keys } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors: Record<string, MessageKey> = result?.errors ?? {};
  const v = result?.values;
  return (
    <section className="stack">
      <p>
        <Link to="/admin">← {t("admin.title")}</Link>
      </p>
      <h1>{t("admin.issuer.title")}</h1>
      <p className="muted">{t("admin.issuer.intro")}</p>
      <FormAlert kind="success" message={result?.done ? t(result.done.key, result.done.vars) : null} />
      <FormAlert message={result && !result.ok ? t(errors._form ?? "error.formHasErrors") : null} />

      <section className="card" aria-labelledby="issuer-current">
        <h2 id="issuer-current">{t("admin.issuer.current")}</h2>
        {signatories.length === 0 ? <p>{t("admin.issuer.none")}</p> : null}
        <ul className="outline">
          {signatories.map((s) => (
            <li key={s.scope}>
              <div>
                <strong>{s.scope === DEFAULT_SCOPE ? t("admin.issuer.scopeDefault") : s.agencyName}</strong>
                <p className="hint">
                  {s.institution} · {s.signatoryName}
                  {s.signatoryNip ? ` · NIP ${s.signatoryNip}` : ""} · {s.signatoryTitle}
                </p>
              </div>
              <Form method="post">
                <input type="hidden" name="intent" value="remove" />
                <input type="hidden" name="scope" value={s.scope} />
                <button type="submit" className="button secondary">
                  {t("admin.issuer.remove")}
                </button>
              </Form>
            </li>
          ))}
        </ul>
      </section>

      <section className="card" aria-labelledby="issuer-form">
        <h2 id="issuer-form">{t("admin.issuer.save")}</h2>
        <Form method="post" noValidate key={result?.ok ? JSON.stringify(result.done) : "save"}>
          <input type="hidden" name="intent" value="save" />
          <Field name="agencyId" label={t("admin.issuer.scope")} error={errors.agencyId}>
            <select id="f-agencyId" name="agencyId" defaultValue={v?.agencyId ?? ""}>
              <option value="">{t("admin.issuer.scopeDefault")}</option>
              {agencies.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </select>
          </Field>
          <Field
            name="institution"
            label={t("admin.issuer.institution")}
            type="text"
            autoComplete="organization"
            defaultValue={v?.institution}
            error={errors.institution}
          />
          <Field
            name="signatoryName"
            label={t("admin.issuer.signatoryName")}
            type="text"
            autoComplete="off"
            defaultValue={v?.signatoryName}
            error={errors.signatoryName}
          />
          <Field
            name="signatoryNip"
            label={t("admin.issuer.signatoryNip")}
            type="text"
            inputMode="numeric"
            autoComplete="off"
            hint={t("admin.issuer.signatoryNipHint")}
            defaultValue={v?.signatoryNip}
            error={errors.signatoryNip}
          />
          <Field
            name="signatoryTitle"
            label={t("admin.issuer.signatoryTitle")}
            type="text"
            autoComplete="off"
            defaultValue={v?.signatoryTitle}
            error={errors.signatoryTitle}
          />
          <button type="submit" className="button">
            {t("admin.issuer.save")}
          </button>
        </Form>
      </section>

      <section className="card" aria-labelledby="issuer-keys">
        <h2 id="issuer-keys">{t("admin.issuer.keysTitle")}</h2>
        <p className="hint">{t("admin.issuer.keysIntro", { did })}</p>
        <ul className="outline">
          {keys.map((k) => (
            <li key={k.id}>
              <div>
                <code>{k.id}</code>
                <p className="hint">
                  {k.current ? t("admin.issuer.keyCurrent", { date: k.created }) : t("admin.issuer.keyRetired", { date: k.retired ?? "" })}
                </p>
              </div>
            </li>
          ))}
        </ul>
        <Form method="post">
          <input type="hidden" name="intent" value="rotate" />
          <button type="submit" className="button secondary">
            {t("admin.issuer.rotate")}
          </button>
        </Form>
      </section>
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "admin.issuer.title");
