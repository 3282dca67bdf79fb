/** `digit-studio info model.tflite`: a Netron-like text view of a TFLite file (or --json); its strings pass through terminal-text. */
import { readTfliteSummary, type TfliteSummary, type TfliteTensorInfo } from '../../core/formats/tflite/inspect';
import { parseCommand } from '../args';
import { printJson, printLine } from '../terminal-text';

const n = (x: number): string => x.toLocaleString('en-US');
const shapeText = (t: TfliteTensorInfo): string => `[${(t.shapeSignature ?? t.shape).join(',')}]`;
const tensorText = (t: TfliteTensorInfo | undefined, index: number): string => (t ? `#${t.index} ${t.name}` : `#${index} (optional, none)`);

function optionsText(options: Record<string, unknown> | null): string {
  if (!options) return '';
  const entries = Object.entries(options).map(([key, value]) => `${key}=${Array.isArray(value) ? `[${value.join(',')}]` : String(value)}`);
  return entries.length ? ` {${entries.join(', ')}}` : '';
}

function printSummary(path: string, s: TfliteSummary): void {
  const tensors = s.tensors;
  const io = (indices: number[]): string[] => indices.map((i) => `  ${tensorText(tensors[i], i)}  ${tensors[i]?.type} ${tensors[i] ? shapeText(tensors[i]) : ''}`);
  printLine(`${path} (TFLite, schema version ${s.schemaVersion}, ${n(s.bytes)} bytes)`);
  if (s.description) printLine(`Description: ${s.description}`);
  printLine(`Min runtime version: ${s.minRuntimeVersion ?? 'not recorded'}`);
  for (const sig of s.signatures) printLine(`Signature "${sig.key}": (${sig.inputs.join(', ')}) → (${sig.outputs.join(', ')})`);
  if (s.subgraphs > 1) printLine(`Subgraphs: ${s.subgraphs} (showing the main one)`);
  printLine('Inputs:');
  io(s.inputs).forEach((line) => printLine(line));
  printLine('Outputs:');
  io(s.outputs).forEach((line) => printLine(line));
  printLine('Operators:');
  for (const op of s.operators) {
    const ins = op.inputs.map((i) => tensorText(tensors[i], i)).join(', ');
    const outs = op.outputs.map((i) => tensorText(tensors[i], i)).join(', ');
    printLine(`  ${op.index}. ${op.op} v${op.version}${optionsText(op.options)}: ${ins} → ${outs}`);
  }
  printLine('Tensors:');
  const width = Math.max(...tensors.map((t) => shapeText(t).length), 5);
  for (const t of tensors) {
    const quant = t.quantization ? ` (${t.quantization.scales} scale${t.quantization.scales > 1 ? 's' : ''} on axis ${t.quantization.axis})` : '';
    const stored = t.bytes ? `${n(t.bytes)} B` : '-';
    printLine(`  #${String(t.index).padEnd(3)} ${t.type.padEnd(8)} ${shapeText(t).padEnd(width)} ${stored.padStart(10)}  ${t.name}${quant}`);
  }
  const constants = tensors.filter((t) => t.bytes);
  printLine(`Constant data: ${n(constants.reduce((sum, t) => sum + t.bytes, 0))} bytes in ${constants.length} tensors`);
}

export async function tfliteInfoCommand(argv: string[]): Promise<void> {
  const { values, positionals } = parseCommand(argv, { json: { type: 'boolean' } }, ['model']);
  const summary = await readTfliteSummary(positionals[0]);
  if (values.json) {
    printJson({ event: 'info', model: positionals[0], format: 'TFLite', ...summary });
    return;
  }
  printSummary(positionals[0], summary);
}
