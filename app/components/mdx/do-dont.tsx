import { useMdxT } from "./lesson-context";

/** Two columns: what to do and what to avoid. */
export function DoDont({ do: dos = [], dont = [] }: { do?: string[]; dont?: string[] }) {
  const t = useMdxT();
  return (
    <div className="dodont">
      <section className="dodont-do">
        <h3>✓ {t("mdx.do")}</h3>
        <ul>
          {dos.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
      </section>
      <section className="dodont-dont">
        <h3>✗ {t("mdx.dont")}</h3>
        <ul>
          {dont.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
      </section>
    </div>
  );
}
