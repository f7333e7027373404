import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { RED_FLAGS } from "~/grading/hoax-vocabulary";
import { useT } from "~/utils/i18n";
import { pageTitle } from "~/utils/meta";
import { handleLoader } from "~/utils/pipeline.server";
import type { StringsHandle } from "~/i18n";
import { idPractice } from "~/i18n/id.practice";
import { englishParts } from "~/utils/i18n.server";

const pillars = ["provenance", "source", "date", "location", "motivation"] as const;

export const handle: StringsHandle = { strings: { practice: idPractice } };

export async function loader(args: LoaderFunctionArgs) {
  return handleLoader(args, { access: "user" }, async ({}) => {
    return json({ i18n: englishParts(args.request, handle), flags: RED_FLAGS });
  });
}

/** One printable A4 page (see the @page rules in app.css): print it with the browser. */
export default function VerificationChecklist() {
  const t = useT();
  const box = <span className="box" aria-hidden="true" />;
  return (
    <article className="checklist">
      <h1>{t("checklist.title")}</h1>
      <p>{t("checklist.intro")}</p>
      <h2>{t("checklist.stop")}</h2>
      <h2>{t("checklist.flags")}</h2>
      <ul className="check-grid">
        {RED_FLAGS.map((f) => (
          <li key={f}>
            {box} {t(`hoax.flag.${f}`)}
          </li>
        ))}
      </ul>
      <h2>{t("checklist.pillars")}</h2>
      <ul>
        {pillars.map((p) => (
          <li key={p}>
            {box} {t(`checklist.pillarQuestion.${p}`)}
          </li>
        ))}
      </ul>
      <p className="meta">{t("checklist.tools")}</p>
      <h2>{t("checklist.respond")}</h2>
      <ul>
        {(["checklist.respond1", "checklist.respond2", "checklist.respond3", "checklist.respond4", "checklist.respond5"] as const).map((k) => (
          <li key={k}>
            {box} {t(k)}
          </li>
        ))}
      </ul>
      <h2>{t("checklist.escalate")}</h2>
      <ul>
        {(["checklist.escalate1", "checklist.escalate2", "checklist.escalate3"] as const).map((k) => (
          <li key={k}>
            {box} {t(k)}
          </li>
        ))}
      </ul>
      <p className="checklist-footer">{t("checklist.footer")}</p>
    </article>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "checklist.title");
