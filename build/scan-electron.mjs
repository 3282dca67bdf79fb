// Electronegativity over the app's sources (main, preload, renderer): fails on any finding above informational
// and on any file it could not parse (an unparsed file is an unscanned file). A finding that is accepted on
// purpose carries an `eng-disable CHECK_ID` comment with its justification at the spot it is reported.
// Run: npm run scan:electron
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const run = require('@doyensec/electronegativity');
const input = new URL('../src', import.meta.url).pathname;
// The Electron version the app ships with, so the checks judge that version's defaults, not Electron 0.1's.
const electronVersion = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).devDependencies.electron;

const { issues, errors } = await run({ input, isRelative: true, electronVersionOverride: electronVersion, severitySet: 'informational' });
const findings = issues.filter((issue) => issue.severity.value > 0);
const failedFiles = errors.filter((error) => !error.tolerable);
for (const f of findings) console.log(`${f.severity.name} ${f.id} ${f.file.replace(`${input}/`, '')}:${f.location.line} ${f.sample ?? ''}`);
for (const e of failedFiles) console.log(`could not parse ${e.file}: ${e.message}`);
const informational = issues.length - findings.length;
if (findings.length || failedFiles.length) {
  console.log(`electronegativity: ${findings.length} finding(s) above informational, ${failedFiles.length} unparsed file(s)`);
  process.exit(1);
}
console.log(`electronegativity (Electron ${electronVersion}): no finding above informational (${informational} informational)`);
