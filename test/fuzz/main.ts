/**
 * npm run fuzz [-- --cases N] [--seed S] [--spawn-every N]: the long fuzz run (5,000 cases by default), with
 * progress on stderr and the summary as JSON on stdout; exits 1 when any case went wrong.
 */
import { parseArgs } from 'node:util';
import { runFuzz } from './fuzz';

const { values } = parseArgs({ options: { cases: { type: 'string', default: '5000' }, seed: { type: 'string', default: '1' }, 'spawn-every': { type: 'string', default: '20' } } });
const cases = Number(values.cases);
const summary = await runFuzz({
  cases,
  seed: Number(values.seed),
  spawnEvery: Number(values['spawn-every']),
  onCase: (index) => {
    if ((index + 1) % 250 === 0) process.stderr.write(`fuzz: ${index + 1}/${cases} cases\n`);
  },
});
console.log(JSON.stringify(summary, null, 2));
process.exitCode = summary.findings.length ? 1 : 0;
