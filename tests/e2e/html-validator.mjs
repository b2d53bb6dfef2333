// HTML validation for the pages the project builds (the demo page, generated pages), with
// html-validate and the repository's checked-in configuration (.htmlvalidate.json at its root,
// the file the html-validate command line finds on its own: the `html-validate:standard` preset,
// correctness rather than house style). The configuration is read once and used as it is, so a
// page is judged the same wherever it was written.
//
//   import { validateHtml, validateHtmlFile } from './html-validator.mjs';
//   assert.deepEqual(await validateHtmlFile('target/demo/index.html'), []);

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { HtmlValidate, StaticConfigLoader } from 'html-validate';

import { REPO_ROOT } from './server.mjs';

export const HTML_VALIDATE_CONFIG = path.join(REPO_ROOT, '.htmlvalidate.json');

let validator;

function htmlValidate() {
  validator ??= new HtmlValidate(new StaticConfigLoader(JSON.parse(readFileSync(HTML_VALIDATE_CONFIG, 'utf8'))));
  return validator;
}

/**
 * Validates `html`; resolves to one line per problem, "NAME:LINE:COLUMN RULE: message", where NAME
 * is `name` (what the page is called in the messages). An empty array: the page is valid.
 */
export async function validateHtml(html, name = 'page.html') {
  const report = await htmlValidate().validateString(html, name);
  return report.results.flatMap((result) =>
    result.messages.map((m) => `${name}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`),
  );
}

/** Validates the HTML file at `file` (absolute, or relative to the repository root); see validateHtml. */
export function validateHtmlFile(file) {
  const absolute = path.resolve(REPO_ROOT, file);
  return validateHtml(readFileSync(absolute, 'utf8'), path.relative(REPO_ROOT, absolute));
}
