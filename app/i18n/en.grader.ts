import type { GraderKey } from "./id.grader";

/** English words of the grader's own checks (id.grader.ts); server only. */
export const enGrader: Record<GraderKey, string> = {
  "grader.builtin.bribe.label": "Offering or accepting a reward, a 'peaceful settlement' or a paid shortcut",
  "grader.builtin.bribe.tip": "A public service is never traded for money, tips or gifts of any kind. Refuse firmly and point to the official procedure.",
  "grader.builtin.copy.label": "Copies the citizen's message",
  "grader.builtin.copy.tip": "Answer in your own words; pasting the citizen's message back answers nothing.",
  "grader.builtin.gaming.label": "Writes about the grading, not to the citizen",
  "grader.builtin.gaming.tip": "The reply is for the citizen. Do not mention keywords, scores or grading.",
  "grader.builtin.keyword-list.label": "Only a list of keywords, no sentences",
  "grader.builtin.keyword-list.tip": "Write whole sentences a citizen can understand, not fragments.",
  "grader.builtin.curt.label": "Too short and curt",
  "grader.builtin.curt.tip": "Greet the citizen (Kak, Bapak, Ibu) and say what they need in polite sentences, not word by word.",
  "grader.builtin.language.label": "Not written in Indonesian (or this exercise's regional language)",
  "grader.builtin.language.tip": "Reply in Indonesian the citizen can easily understand.",
  "grader.builtin.contradiction.label": "The reply contradicts itself",
  "grader.builtin.contradiction.tip": "Do not state something and then deny it in another sentence; the citizen cannot tell which is true.",
  "grader.builtin.fact-wrong.label": "Wrong facts or an uncertain promise",
  "grader.builtin.fact-wrong.tip":
    "Check the exercise's context: name only the right requirements, fees, times and places, and do not confirm what is not verified.",
  "grader.builtin.abusive.label": "Rude, mocking, belittling or threatening words",
  "grader.builtin.abusive.tip": "Reply in polite, neutral language. Avoid insults, mockery, sarcasm and threats, however annoyed the citizen is.",
  "grader.builtin.pii-public.label": "Writing personal data in a public space",
  "grader.builtin.pii-public.tip":
    "Never repeat a citizen's NIK, KK number, phone number, e-mail or address in a public comment, even partly masked. Ask them to delete it and continue by DM.",
  "grader.builtin.pii-request.label": "Asking for personal data or document photos where it does not belong",
  "grader.builtin.pii-request.tip":
    "In public, do not ask for NIK, KK number, phone or address: move to DM or the official WhatsApp. Even in chat, do not ask for the NIK or photos of the KTP/KK; original documents are checked at the counter.",
  "grader.builtin.blame.label": "Blaming or arguing with the citizen",
  "grader.builtin.blame.tip":
    "Acknowledge the complaint, apologise for the inconvenience, then offer help. Do not defend yourself or blame the citizen, least of all in public.",
  "grader.builtin.shouting.label": "Shouting (all capitals or repeated exclamation marks)",
  "grader.builtin.shouting.tip": "Write in normal letters and use at most one exclamation mark; all capitals read as shouting.",
  "grader.builtin.empty.label": "Empty reply",
  "grader.builtin.empty.tip": "Write a reply that answers the citizen's message.",
  "grader.builtin.too-long.label": "Reply too long",
  "grader.builtin.too-long.tip": "Keep it short (at most 300 words): answer the question in a few sentences, then offer further help.",
  "grader.post.copy.label": "Copies the ceremonial post",
  "grader.post.copy.tip": "Rewrite it in your own words: citizens need the service information, not the same event sentences.",
  "grader.post.ceremonial.label": "Too much ceremony or praise of officials",
  "grader.post.ceremonial.tip":
    "Cut thanks to officials, lists of who attended and praise of the event; use the space for requirements, place, hours and cost.",
  "grader.post.keyword-list.label": "A string of keywords, not sentences",
  "grader.post.keyword-list.tip":
    "Write at least two whole sentences a citizen can follow. A list of requirements is fine, but not words strung together or labels like “What:”, “Who:”, “When:”.",
  "grader.post.alt-generic.label": "The alt text does not describe the image",
  "grader.post.alt-generic.tip":
    "Say what the image shows (who, doing what, important text in it) in one or two sentences; “image”, “activity photo”, a file name or a copy of the caption does not help a screen reader.",
  "grader.post.too-short.label": "The post is too short",
  "grader.post.too-short.tip": "A service post needs what, for whom, where, when, requirements, cost and contact in clear sentences.",
  "grader.post.too-long.label": "The post is too long",
  "grader.post.too-long.tip": "Keep it short: citizens read on a phone. Keep the service information and drop the rest.",
};
