import { Fragment } from "react";
import { Form } from "@remix-run/react";
import type { MessageKey } from "~/i18n";
import { formatDate } from "~/utils/dates";
import { useLang, useT } from "~/utils/i18n";

export type CredentialCheckResult = {
  outcome: "valid" | "expired" | "revoked" | "suspended" | "invalid";
  problems: string[];
  keyId: string | null;
  credential: Record<string, unknown> | null;
};

const NOTICE: Record<CredentialCheckResult["outcome"], { kind: string; key: MessageKey }> = {
  valid: { kind: "success", key: "cred.valid" },
  expired: { kind: "info", key: "cred.expired" },
  revoked: { kind: "error", key: "cred.revoked" },
  suspended: { kind: "error", key: "cred.suspended" },
  invalid: { kind: "error", key: "cred.invalid" },
};

const PROBLEMS: Record<string, MessageKey> = {
  format: "cred.problem.format",
  issuer: "cred.problem.issuer",
  key: "cred.problem.key",
  signature: "cred.problem.signature",
  type: "cred.problem.type",
  notYetValid: "cred.problem.notYetValid",
  status: "cred.problem.status",
};

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (v && typeof v === "object" && !Array.isArray(v) ? (v as Obj) : {});
const str = (v: unknown): string => (typeof v === "string" || typeof v === "number" ? String(v) : "");
const first = (v: unknown): Obj => obj(Array.isArray(v) ? v[0] : v);

/** The public "paste or upload a credential" form of /sertifikat, with the result of the last check. */
export function CredentialCheck({ result, error, pasted }: { result: CredentialCheckResult | null; error: MessageKey | null; pasted: string }) {
  const t = useT();
  return (
    <section className="card stack" aria-labelledby="cred-check">
      <h2 id="cred-check">{t("cred.checkTitle")}</h2>
      <p className="hint">{t("cred.checkIntro")}</p>
      <Form method="post" action="/sertifikat?index" encType="multipart/form-data" className="stack">
        <div className="field">
          <label htmlFor="credential">{t("cred.paste")}</label>
          <textarea id="credential" name="credential" rows={5} spellCheck={false} autoComplete="off" defaultValue={pasted} className="cred-paste" />
        </div>
        <div className="field">
          <label htmlFor="berkas">{t("cred.upload")}</label>
          <input id="berkas" name="berkas" type="file" accept=".jwt,.txt,application/vc+jwt,application/jwt,text/plain" />
        </div>
        {error ? (
          <p className="field-error" role="alert">
            {t(error)}
          </p>
        ) : null}
        <button type="submit" className="button">
          {t("cred.check")}
        </button>
      </Form>
      {result ? <CredentialResult result={result} /> : null}
    </section>
  );
}

function CredentialResult({ result }: { result: CredentialCheckResult }) {
  const t = useT();
  const lang = useLang();
  const notice = NOTICE[result.outcome];
  const c = obj(result.credential);
  const issuer = obj(c.issuer);
  const subject = obj(c.credentialSubject);
  const achievement = obj(subject.achievement);
  const identity = first(subject.identifier);
  const evidence = first(c.evidence);
  const date = (v: unknown) => (str(v) && !Number.isNaN(Date.parse(str(v))) ? formatDate(str(v), lang) : "—");
  const statuses = (Array.isArray(c.credentialStatus) ? c.credentialStatus : c.credentialStatus ? [c.credentialStatus] : []).map(obj);
  const rows: [MessageKey, string][] = [
    ["cred.field.name", str(c.name)],
    ["cred.field.description", str(c.description)],
    ["cred.field.code", str(subject.licenseNumber)],
    ["cred.field.issuer", str(issuer.name)],
    ["cred.field.issuerId", str(issuer.id ?? c.issuer)],
    ["cred.field.signatory", str(evidence.description)],
    ["cred.field.achievement", str(achievement.name)],
    ["cred.field.achievementDescription", str(achievement.description)],
    ["cred.field.version", str(achievement.version)],
    ["cred.field.jp", str(subject.creditsEarned ?? achievement.creditsAvailable)],
    ["cred.field.criteria", str(obj(achievement.criteria).narrative)],
    ["cred.field.started", date(subject.activityStartDate)],
    ["cred.field.validFrom", date(c.validFrom)],
    ["cred.field.validUntil", date(c.validUntil)],
    ["cred.field.subject", identity.identityHash ? `${str(identity.identityType)}: ${str(identity.identityHash)}` : "—"],
    ["cred.field.salt", str(identity.salt)],
    ["cred.field.status", statuses.map((s) => `${str(s.statusPurpose)} #${str(s.statusListIndex)} — ${str(s.statusListCredential)}`).join("; ")],
    ["cred.field.id", str(c.id)],
    ["cred.field.key", result.keyId ?? "—"],
  ];
  return (
    <div className="stack">
      <p className={`alert ${notice.kind} verify-outcome`} role="status">
        {t(notice.key)}
      </p>
      {result.problems.filter((p) => PROBLEMS[p]).length ? (
        <ul>
          {result.problems
            .filter((p) => PROBLEMS[p])
            .map((p) => (
              <li key={p}>{t(PROBLEMS[p]!)}</li>
            ))}
        </ul>
      ) : null}
      {result.credential ? (
        <>
          <dl className="facts cred-facts">
            {rows.map(([label, value]) => (
              <Fragment key={label}>
                <dt>{t(label)}</dt>
                <dd>{value || "—"}</dd>
              </Fragment>
            ))}
          </dl>
          <details>
            <summary>{t("cred.rawJson")}</summary>
            <pre className="cred-json">{JSON.stringify(result.credential, null, 2)}</pre>
          </details>
        </>
      ) : null}
    </div>
  );
}
