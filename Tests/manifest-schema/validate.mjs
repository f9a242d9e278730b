// Validates an unpacked Microsoft 365 app package (manifest.json and its language files) against the JSON schemas
// published by Microsoft and shipped in @microsoft/app-manifest: nothing is fetched. Prints one JSON report and exits
// 0 when every file is valid, 1 otherwise.   node validate.mjs <folder>
import { readFileSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import Ajv from "ajv-draft-04";
import addFormats from "ajv-formats";

const folder = process.argv[2];
const here = dirname(fileURLToPath(import.meta.url));
const manifest = JSON.parse(readFileSync(join(folder, "manifest.json"), "utf8"));
const version = manifest.manifestVersion;
const schemas = join(here, "node_modules/@microsoft/app-manifest/build/json-schemas/teams", `v${version}`);
// unicodeRegExp off: some of the published patterns are not valid in JavaScript's unicode mode.
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);

function check(file, schemaFile) {
  const schema = JSON.parse(readFileSync(join(schemas, schemaFile), "utf8"));
  delete schema.$schema; // draft-04 is the validator's own dialect
  const validate = ajv.compile(schema);
  const data = JSON.parse(readFileSync(join(folder, file), "utf8"));
  return validate(data) ? [] : validate.errors.map((e) => `${file}${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`);
}

const errors = [...check("manifest.json", "MicrosoftTeams.schema.json")];
for (const language of manifest.localizationInfo?.additionalLanguages ?? [])
  errors.push(...check(language.file, "MicrosoftTeams.Localization.schema.json"));
console.log(JSON.stringify({ manifestVersion: version, errors }));
process.exit(errors.length === 0 ? 0 : 1);
