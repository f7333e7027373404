import type { ReactNode } from "react";
import { useMdxT } from "./lesson-context";

export function Glossary({ term, children }: { term: string; children: ReactNode }) {
  const t = useMdxT();
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
