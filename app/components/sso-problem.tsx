import { Link } from "@remix-run/react";
import type { MessageKey } from "~/i18n";
import { useT } from "~/utils/i18n";
import type { SsoProblemKind } from "~/utils/sso-link";

/** Why an SSO ASN sign-in did not sign anyone in, and what the person can do about it. */
export function SsoProblem({ problem, nip }: { problem: SsoProblemKind; nip?: string | null }) {
  const t = useT();
  return (
    <section className="card narrow">
      <h1>{t(`sso.${problem}.title` as MessageKey)}</h1>
      <p className="alert error" role="alert">
        {t(`sso.${problem}.body` as MessageKey)}
      </p>
      {nip ? <p>{t("sso.nipSeen", { nip })}</p> : null}
      <p>
        <Link to="/masuk" className="button secondary">
          {t("sso.back")}
        </Link>
      </p>
    </section>
  );
}
