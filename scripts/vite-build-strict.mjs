// `vite build` for the app in the current directory, failing when Vite or its bundler logs a
// warning. Vite prints some warnings as bare sentences (`<script src="x.js"> in "/index.html"
// can't be bundled without type="module" attribute`), which no pattern over its output would
// catch: its own logger knows which lines are warnings. Used by scripts/build-examples.sh, with
// the app's own Vite and vite.config.
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const appRequire = createRequire(path.join(process.cwd(), 'package.json'));
const vite = await import(pathToFileURL(appRequire.resolve('vite')).href);

const logger = vite.createLogger('info');
const warnings = [];
for (const method of ['warn', 'warnOnce']) {
  const log = logger[method].bind(logger);
  logger[method] = (message, options) => {
    warnings.push(message);
    log(message, options);
  };
}

await vite.build({ customLogger: logger });
if (warnings.length > 0) {
  console.error(`vite build logged ${warnings.length} warning(s); the examples must build without any.`);
  process.exit(1);
}
