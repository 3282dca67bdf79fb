/** Turns the files a user opened or dropped into one importModel request: a .h5 alone, or model.json + its weights. */
import { bytesToBase64 } from '../../../core/api/base64';
import { IMPORT_TOO_LARGE, MAX_IMPORT_BYTES, type Request } from '../../../core/api/contract';

const HELP = 'open a Keras .h5 file, or a model.json together with its .weights.bin';

function extension(name: string): string {
  return name.slice(name.lastIndexOf('.')).toLowerCase();
}

export async function base64Of(file: File): Promise<string> {
  if (file.size > MAX_IMPORT_BYTES) throw new Error(`${file.name} holds ${IMPORT_TOO_LARGE}`);
  return bytesToBase64(new Uint8Array(await file.arrayBuffer()));
}

export async function buildImportRequest(files: File[]): Promise<Request<'importModel'>> {
  const unknown = files.find((f) => !['.h5', '.json', '.bin'].includes(extension(f.name)));
  if (unknown) throw new Error(`${unknown.name} is not a model file: ${HELP}`);
  const models = files.filter((f) => extension(f.name) !== '.bin');
  const weights = files.filter((f) => extension(f.name) === '.bin');
  if (models.length !== 1) throw new Error(models.length ? `Open one model at a time: ${HELP}` : `A weights file needs its model.json: ${HELP}`);
  const [model] = models;
  if (extension(model.name) !== '.json' && weights.length) throw new Error(`${model.name} holds its own weights: open it alone`);
  if (weights.length > 1) throw new Error('Only models with a single .weights.bin file can be opened');
  const request: Request<'importModel'> = { fileName: model.name, data: await base64Of(model) };
  if (weights.length) request.weightsData = await base64Of(weights[0]);
  return request;
}
