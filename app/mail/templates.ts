/**
 * Every e-mail as plain text, from the mail dictionaries (Indonesian first, English when the
 * person's language is English). Pure: the queue stores what this returns, tests read it directly.
 */
import { enMail } from "~/i18n/en.mail";
import { idMail, type MailKey } from "~/i18n/id.mail";
import { fill, type Lang } from "~/i18n";
import { formatDate, formatDateTime } from "~/utils/dates";

type Person = { name: string };
/** A calendar date "2026-12-03" (due dates) or a moment. */
type When = string | Date;

export type MailContent =
  | (Person & { kind: "reset"; link: string; expiresAt: Date })
  | (Person & { kind: "setPassword"; email: string; link: string; expiresAt: Date })
  | (Person & { kind: "assigned"; course: string; due: When; link: string })
  | (Person & { kind: "dueSoon"; course: string; due: When; days: number; link: string; settingsLink: string })
  | (Person & { kind: "dueToday"; course: string; due: When; link: string; settingsLink: string })
  | (Person & { kind: "overdue"; course: string; due: When; link: string; settingsLink: string })
  | (Person & { kind: "digest"; rows: { name: string; course: string; due: When }[]; link: string; settingsLink: string })
  | (Person & { kind: "certificateIssued"; course: string; code: string; expiresAt: Date | null; link: string; verify: string })
  | (Person & { kind: "expires"; course: string; code: string; expiresAt: Date; days: number; link: string; settingsLink: string })
  | (Person & { kind: "suspended"; course: string; code: string; link: string });

export type MailKind = MailContent["kind"];

export type RenderedMail = { subject: string; text: string };

function mailTranslator(lang: Lang) {
  const dict: Record<MailKey, string> = lang === "en" ? enMail : idMail;
  return (key: MailKey, vars?: Record<string, string | number>) => (vars ? fill(dict[key], vars) : dict[key]);
}

/** The subject and body of one message in `lang`. */
export function renderMail(mail: MailContent, lang: Lang): RenderedMail {
  const t = mailTranslator(lang);
  const date = (d: When) => formatDate(d, lang);
  let subject: string;
  let body: string;
  let footer: string | null = null;
  switch (mail.kind) {
    case "reset":
      subject = t("mail.reset.subject");
      body = t("mail.reset.body", { link: mail.link, expires: formatDateTime(mail.expiresAt, lang) });
      break;
    case "setPassword":
      subject = t("mail.setPassword.subject");
      body = t("mail.setPassword.body", { email: mail.email, link: mail.link, expires: formatDateTime(mail.expiresAt, lang) });
      break;
    case "assigned":
      subject = t("mail.assigned.subject", { course: mail.course });
      body = t("mail.assigned.body", { course: mail.course, due: date(mail.due), link: mail.link });
      break;
    case "dueSoon":
      subject = t("mail.dueSoon.subject", { course: mail.course, due: date(mail.due) });
      body = t("mail.dueSoon.body", { course: mail.course, due: date(mail.due), days: mail.days, link: mail.link });
      footer = t("mail.footerReminders", { link: mail.settingsLink });
      break;
    case "dueToday":
      subject = t("mail.dueToday.subject", { course: mail.course });
      body = t("mail.dueToday.body", { course: mail.course, due: date(mail.due), link: mail.link });
      footer = t("mail.footerReminders", { link: mail.settingsLink });
      break;
    case "overdue":
      subject = t("mail.overdue.subject", { course: mail.course });
      body = t("mail.overdue.body", { course: mail.course, due: date(mail.due), link: mail.link });
      footer = t("mail.footerReminders", { link: mail.settingsLink });
      break;
    case "digest":
      subject = t("mail.digest.subject", { count: mail.rows.length });
      body = t("mail.digest.body", {
        list: mail.rows.map((r) => t("mail.digest.line", { name: r.name, course: r.course, due: date(r.due) })).join("\n"),
        link: mail.link,
      });
      footer = t("mail.footerReminders", { link: mail.settingsLink });
      break;
    case "certificateIssued":
      subject = t("mail.certificateIssued.subject", { course: mail.course });
      body = t("mail.certificateIssued.body", {
        course: mail.course,
        code: mail.code,
        expires: mail.expiresAt ? date(mail.expiresAt) : t("mail.noExpiry"),
        link: mail.link,
        verify: mail.verify,
      });
      break;
    case "expires":
      subject = t("mail.expires.subject", { course: mail.course, expires: date(mail.expiresAt) });
      body = t("mail.expires.body", { course: mail.course, code: mail.code, expires: date(mail.expiresAt), days: mail.days, link: mail.link });
      footer = t("mail.footerReminders", { link: mail.settingsLink });
      break;
    case "suspended":
      subject = t("mail.suspended.subject", { course: mail.course });
      body = t("mail.suspended.body", { course: mail.course, code: mail.code, link: mail.link });
      break;
  }
  const parts = [t("mail.greeting", { name: mail.name }), body, t("mail.signature")];
  if (footer) parts.push(`--\n${footer}`);
  return { subject, text: parts.join("\n\n") + "\n" };
}
