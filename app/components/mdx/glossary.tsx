import type { ReactNode } from "react";
import { useT } from "~/utils/i18n";

export function Glossary({ term, children }: { term: string; children: ReactNode }) {
  const t = useT();
  return (
    <dl className="glossary">
      <dt>
        <span className="visually-hidden">{t("mdx.glossary")}: </span>
        {term}
      </dt>
      <dd>{children}</dd>
    </dl>
  );
}
