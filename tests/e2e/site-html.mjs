// An HTML validator for generated pages: html-validate with its standard preset, as a publisher's
// CI or a CMS's import check would run it. Returns every error as "line:column rule: message".

import { HtmlValidate } from 'html-validate';

const validator = new HtmlValidate({ extends: ['html-validate:standard'] });

/** The errors html-validate finds in `html` (named `name` in messages); [] when there are none. */
export async function htmlErrors(html, name) {
  const report = await validator.validateString(html, name);
  return report.results.flatMap((result) =>
    result.messages
      .filter((message) => message.severity === 2)
      .map((message) => `${name}:${message.line}:${message.column} ${message.ruleId}: ${message.message}`),
  );
}
