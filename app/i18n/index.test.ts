import { enGrader } from "./en.grader";
import { idGrader, type GraderKey } from "./id.grader";
import { describe, expect, it } from "vitest";
import { en } from "./en";
import { enStaff } from "./en.staff";
import { id } from "./id";
import { idStaff } from "./id.staff";
import { enAccount } from "./en.account";
import { enCredentials } from "./en.credentials";
import { enCurriculum } from "./en.curriculum";
import { enPractice } from "./en.practice";
import { enSurvey } from "./en.survey";
import { idAccount } from "./id.account";
import { idCredentials } from "./id.credentials";
import { idCurriculum } from "./id.curriculum";
import { idPractice } from "./id.practice";
import { idSurvey } from "./id.survey";
import { fill, isMessageKey, parseLang, routeParts, translator } from "./index";

const routePartPairs = [
  [idPractice, enPractice],
  [idCredentials, enCredentials],
  [idCurriculum, enCurriculum],
  [idSurvey, enSurvey],
  [idAccount, enAccount],
] as const;

describe("i18n", () => {
  it("has an English string for every Indonesian key and none extra, in both parts", () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(id).sort());
    expect(Object.keys(enStaff).sort()).toEqual(Object.keys(idStaff).sort());
    for (const [indonesian, english] of routePartPairs) expect(Object.keys(english).sort()).toEqual(Object.keys(indonesian).sort());
    for (const [key, value] of Object.entries(Object.assign({}, en, enStaff, ...routePartPairs.map(([, english]) => english)))) expect(value, key).not.toBe("");
  });

  it("keeps each key in exactly one part (base, staff-only or one route part)", () => {
    const all = [id, idStaff, ...routePartPairs.map(([indonesian]) => indonesian)].flatMap((part) => Object.keys(part));
    expect(all.filter((key, i) => all.indexOf(key) !== i)).toEqual([]);
  });

  it("translates a route part from the matched routes: English when the loader sent it, else Indonesian", () => {
    const handle = { strings: { survey: idSurvey } };
    const indonesian = translator("id", null, null, routeParts([{ handle, data: { i18n: null } }]));
    expect(indonesian("eval.title")).toBe(idSurvey["eval.title"]);
    const english = translator(
      "en",
      en,
      null,
      routeParts([
        { handle: undefined, data: null },
        { handle, data: { i18n: { survey: enSurvey } } },
      ]),
    );
    expect(english("eval.title")).toBe(enSurvey["eval.title"]);
    expect(english("home.welcome", { name: "Rina" })).toBe("Welcome, Rina");
    // A loader that threw sent nothing: the route's error boundary shows the part in Indonesian.
    expect(translator("en", en, null, routeParts([{ handle, data: undefined }]))("eval.title")).toBe(idSurvey["eval.title"]);
    // Not named by a matched route: the key itself, never another page's strings.
    expect(translator("id")("eval.title")).toBe("eval.title");
  });

  it("fills placeholders and defaults to Indonesian", () => {
    expect(translator("id")("home.welcome", { name: "Rina" })).toBe("Selamat datang, Rina");
    expect(translator("en", en)("home.welcome", { name: "Rina" })).toBe("Welcome, Rina");
    expect(translator("en")("home.welcome", { name: "Rina" })).toBe("Selamat datang, Rina");
    expect(parseLang("fr")).toBe("id");
    expect(parseLang("en")).toBe("en");
  });

  it("fills every placeholder from the values, the same text each time, and leaves unknown ones as written", () => {
    // The split of a text is kept between calls: the second fill of it must not see the first's values.
    expect(fill("{mean}% ({learners} peserta)", { mean: 48, learners: 91 })).toBe("48% (91 peserta)");
    expect(fill("{mean}% ({learners} peserta)", { mean: 0, learners: 1 })).toBe("0% (1 peserta)");
    expect(fill("{a}{a}-{b}", { a: "x" })).toBe("xx-{b}");
    expect(fill("no placeholder", { a: 1 })).toBe("no placeholder");
    // A value is put in as written, never read again as a placeholder or a replacement pattern.
    expect(fill("{a} {b}", { a: "{b}", b: "$&" })).toBe("{b} $&");
    expect(fill("{n, plural, one {# row} other {# rows}} of {total}", { n: 1, total: 3 })).toBe("1 row of 3");
    expect(fill("{n, plural, one {# row} other {# rows}} of {total}", { n: 2, total: 3 })).toBe("2 rows of 3");
  });

  it("translates staff-only keys only when the staff strings are given", () => {
    expect(translator("id")("manage.title")).toBe("manage.title");
    expect(translator("id", null, idStaff)("manage.title")).toBe(idStaff["manage.title"]);
    expect(translator("en", en, enStaff)("manage.title")).toBe(enStaff["manage.title"]);
    expect(translator("en", en, enStaff)("home.welcome", { name: "Rina" })).toBe("Welcome, Rina");
  });

  it("knows its own keys and nothing inherited from Object.prototype", () => {
    expect(isMessageKey("home.welcome")).toBe(true);
    expect(isMessageKey("admin.invalidChoice")).toBe(true); // base: learner forms fall back to it
    expect(isMessageKey("manage.title")).toBe(false); // staff-only, not given
    expect(isMessageKey("manage.title", idStaff)).toBe(true);
    expect(isMessageKey("admin.audit.type.agency", enStaff)).toBe(true);
    for (const name of ["__proto__", "constructor", "toString", "hasOwnProperty", "valueOf", "isPrototypeOf", "nope.key", ""]) {
      expect(isMessageKey(name), name).toBe(false);
      expect(isMessageKey(name, idStaff), name).toBe(false);
    }
    expect(isMessageKey(42)).toBe(false);
  });

  it("uses the plural form in English and the one form in Indonesian (issue 15 item 11, failed on main: '1 seconds')", () => {
    const t = translator(
      "en",
      en,
      enStaff,
      routePartPairs.map(([, english]) => english),
    );
    expect(t("exercise.replyTime", { seconds: 1 })).toBe("Replied in 1 second");
    expect(t("exercise.replyTime", { seconds: 42 })).toBe("Replied in 42 seconds");
    expect(t("cert.expiresIn", { days: 1 })).toBe("Expires in 1 day");
    expect(t("import.confirm", { count: 1 })).toBe("Import 1 valid row");
    expect(translator("id", null, null, [idPractice])("exercise.replyTime", { seconds: 1 })).toBe("Dibalas dalam 1 detik");
    // No English string is left with a bare number before a plural noun.
    for (const [key, text] of Object.entries(Object.assign({}, en, enStaff, ...routePartPairs.map(([, english]) => english)))) {
      expect(text, key).not.toMatch(/\{(count|seconds|days|minutes)\} (rows|seconds|days|minutes|users|learners|accounts|entries|links)\b/);
    }
  });

  it("has English words for every built-in grader check, and the Indonesian ones match the grader's", async () => {
    const { BUILTIN_TEXT } = await import("~/grading/builtins");
    for (const [builtin, text] of Object.entries(BUILTIN_TEXT)) {
      expect(idGrader[`grader.builtin.${builtin}.label` as GraderKey]).toBe(text.label);
      expect(idGrader[`grader.builtin.${builtin}.tip` as GraderKey]).toBe(text.tip);
      expect(enGrader[`grader.builtin.${builtin}.label` as GraderKey]).not.toBe(text.label);
      expect(enGrader[`grader.builtin.${builtin}.tip` as GraderKey]).toMatch(/\w/);
    }
  });

  it("has English words for every post check, and the Indonesian ones match the post grader's", async () => {
    const { POST_CHECK_TEXT } = await import("~/grading/post");
    for (const [check, text] of Object.entries(POST_CHECK_TEXT)) {
      expect(idGrader[`grader.post.${check}.label` as GraderKey]).toBe(text.label);
      expect(idGrader[`grader.post.${check}.tip` as GraderKey]).toBe(text.tip);
      expect(enGrader[`grader.post.${check}.label` as GraderKey]).not.toBe(text.label);
    }
  });

  it("keeps the grader's words out of the base dictionary the browser bundles", () => {
    expect(Object.keys(id).filter((k) => k.startsWith("grader."))).toEqual([]);
  });
});
