import { readFileSync } from "node:fs";
import Ajv2019 from "ajv/dist/2019";
import addFormats from "ajv-formats";

const schema = JSON.parse(readFileSync(new URL("../fixtures/ob3/ob_v3p0_achievementcredential_schema.json", import.meta.url), "utf8")) as object;
const ajv = new Ajv2019({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(schema);

/** Errors of `credential` against the Open Badges 3.0 AchievementCredential schema; [] when valid. */
export function ob3SchemaErrors(credential: unknown): string[] {
  return validate(credential) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message ?? ""}`);
}
