/** digit-studio: train, evaluate, inspect and use MNIST digit models from the command line. */
import { ConfigError } from '../core/api/train-config';
import { UsageError } from './args';
import { EVALUATE_USAGE, evaluateCommand } from './commands/evaluate';
import { EXPORT_USAGE, exportCommand } from './commands/export';
import { INFO_USAGE, infoCommand } from './commands/info';
import { PREDICT_USAGE, predictCommand } from './commands/predict';
import { TRAIN_USAGE, trainCommand } from './commands/train';
import { terminalText } from './terminal-text';

const COMMANDS: Record<string, (argv: string[]) => Promise<void>> = {
  train: trainCommand,
  evaluate: evaluateCommand,
  predict: predictCommand,
  info: infoCommand,
  export: exportCommand,
};

const USAGE = `Usage:\n  ${[TRAIN_USAGE, EVALUATE_USAGE, PREDICT_USAGE, INFO_USAGE, EXPORT_USAGE].join('\n  ')}`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    console.log(USAGE);
    return 0;
  }
  const run = COMMANDS[command];
  try {
    if (!run) throw new UsageError(`unknown command '${command}' (try: ${Object.keys(COMMANDS).join(', ')})`);
    await run(rest);
    return 0;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // Error messages quote the files they are about (layer names, weights file names): print them as one safe line.
    console.error(`digit-studio: error: ${terminalText(message)}`);
    if (error instanceof UsageError || error instanceof ConfigError) return 2;
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
