import { TableWrap } from "~/components/table-wrap";
import { useT } from "~/utils/i18n";

export type JpHistoryView = {
  year: number;
  jp: number;
  duty: number;
  met: boolean;
  records: { code: string; courseTitle: string; courseVersion: string; jp: number; completed: string }[];
}[];

/** A learner's JP by year against the yearly duty, with the certified courses behind each year. */
export function JpHistory({ history }: { history: JpHistoryView }) {
  const t = useT();
  const duty = history[0]?.duty ?? 20;
  return (
    <section className="card stack" aria-labelledby="jp-history">
      <h2 id="jp-history">{t("jpHistory.title")}</h2>
      <p className="hint">{t("jpHistory.intro", { duty })}</p>
      {history.map((y) => (
        <section key={y.year} aria-labelledby={`jp-${y.year}`} className="stack">
          <h3 id={`jp-${y.year}`}>
            {t("jpHistory.year", { year: y.year, jp: y.jp, duty: y.duty })}{" "}
            <span className={`badge ${y.met ? "ok" : "warn"}`}>
              {y.met ? t("jpHistory.met") : t("jpHistory.short", { missing: Math.round((y.duty - y.jp) * 100) / 100 })}
            </span>
          </h3>
          {y.records.length === 0 ? (
            <p className="muted">{t("jpHistory.none")}</p>
          ) : (
            <TableWrap labelledBy={`jp-${y.year}`}>
              <table className="data">
                <thead>
                  <tr>
                    <th scope="col">{t("jpHistory.colCourse")}</th>
                    <th scope="col">{t("jpHistory.colJp")}</th>
                    <th scope="col">{t("jpHistory.colDate")}</th>
                    <th scope="col">{t("jpHistory.colCode")}</th>
                  </tr>
                </thead>
                <tbody>
                  {y.records.map((r) => (
                    <tr key={r.code}>
                      <td>
                        {r.courseTitle}{" "}
                        <span className="muted">
                          ({t("cert.version")} {r.courseVersion})
                        </span>
                      </td>
                      <td>{r.jp}</td>
                      <td>{r.completed}</td>
                      <td>{r.code}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          )}
        </section>
      ))}
    </section>
  );
}
