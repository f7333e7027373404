import type { JpRule, JpStanding } from "~/certificates/jp";
import { TableWrap } from "~/components/table-wrap";
import { useT } from "~/utils/i18n";

export type JpHistoryView = {
  year: number;
  jp: number;
  rule: JpRule;
  standing: JpStanding;
  records: { code: string; courseTitle: string; courseVersion: string; jp: number; completed: string }[];
}[];

/** The badge of one year: duty met or short (PNS), within or over the cap (PPPK). */
export function JpStandingBadge({ standing }: { standing: JpStanding }) {
  const t = useT();
  const text =
    standing.state === "met"
      ? t("jpHistory.met")
      : standing.state === "short"
        ? t("jpHistory.short", { missing: standing.missing })
        : standing.state === "within"
          ? t("jpHistory.within")
          : t("jpHistory.over", { excess: standing.excess });
  return <span className={`badge ${standing.state === "met" || standing.state === "within" ? "ok" : "warn"}`}>{text}</span>;
}

/** A learner's JP by year against the rule for their kind of civil servant, with the certified courses behind each year. */
export function JpHistory({ history }: { history: JpHistoryView }) {
  const t = useT();
  const rule: JpRule = history[0]?.rule ?? { kind: "pns", duty: 20 };
  return (
    <section className="card stack" aria-labelledby="jp-history">
      <h2 id="jp-history">{t("jpHistory.title")}</h2>
      <p className="hint">{rule.kind === "pppk" ? t("jpHistory.introPppk", { cap: rule.cap }) : t("jpHistory.intro", { duty: rule.duty })}</p>
      {history.map((y) => (
        <section key={y.year} aria-labelledby={`jp-${y.year}`} className="stack">
          <h3 id={`jp-${y.year}`}>
            {y.rule.kind === "pppk"
              ? t("jpHistory.yearPppk", { year: y.year, jp: y.jp, cap: y.rule.cap })
              : t("jpHistory.year", { year: y.year, jp: y.jp, duty: y.rule.duty })}{" "}
            <JpStandingBadge standing={y.standing} />
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
