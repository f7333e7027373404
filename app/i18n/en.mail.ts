import type { MailKey } from "./id.mail";

/** The e-mails in English, for people whose language is set to English (decision 019). */
export const enMail: Record<MailKey, string> = {
  "mail.greeting": "Dear {name},",
  "mail.signature": "Regards,\nSigap — civil-service training",
  "mail.footerReminders": "You can turn reminder e-mails off on your account page: {link}",

  "mail.noExpiry": "no expiry date",
  "mail.reset.subject": "Reset your Sigap password",
  "mail.reset.body":
    "Someone asked to reset the password of your Sigap account. Open this link to choose a new password:\n\n{link}\n\nThe link works once, until {expires}. Using it signs your account out everywhere.\nIf you did not ask for this, ignore this e-mail: your password has not changed.",
  "mail.setPassword.subject": "Your Sigap account is ready",
  "mail.setPassword.body":
    "Your agency's training manager created a Sigap account for {email}. Open this link to choose your password:\n\n{link}\n\nThe link works once, until {expires}.",
  "mail.assigned.subject": "Training assigned: {course}",
  "mail.assigned.body": 'You have been assigned the course "{course}". Due date: {due}.\n\nStart here: {link}',
  "mail.dueSoon.subject": "Reminder: {course} is due {due}",
  "mail.dueSoon.body": 'The course "{course}" is due by {due} (in {days, plural, one {# day} other {# days}}).\n\nContinue here: {link}',
  "mail.dueToday.subject": "{course} is due today",
  "mail.dueToday.body": 'Today ({due}) is the due date of the course "{course}".\n\nContinue here: {link}',
  "mail.overdue.subject": "Overdue: {course}",
  "mail.overdue.body": 'The course "{course}" was due {due}. Please finish it soon or contact your training manager.\n\nContinue here: {link}',
  "mail.digest.subject": "Weekly summary: {count, plural, one {# learner} other {# learners}} overdue",
  "mail.digest.body": "Learners in your units past a course's due date:\n\n{list}\n\nSee them all at {link}",
  "mail.digest.line": "- {name} — {course} (due {due})",
  "mail.certificateIssued.subject": "Certificate issued: {course}",
  "mail.certificateIssued.body":
    'Congratulations! You passed the course "{course}". Certificate {code} is valid until {expires}.\n\nDownload it: {link}\nAnyone can verify it at {verify}',
  "mail.expires.subject": "Your {course} certificate expires {expires}",
  "mail.expires.body":
    'Certificate {code} for the course "{course}" expires {expires} (in {days, plural, one {# day} other {# days}}). Start recertification at: {link}',
  "mail.suspended.subject": "Certificate suspended: {course}",
  "mail.suspended.body":
    'Certificate {code} for the course "{course}" is suspended because the course material changed. Finish the updated material to make it valid again: {link}',
};
