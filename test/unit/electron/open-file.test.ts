import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ModelEntry } from '../../../src/core/api/contract';
import { AppService } from '../../../src/core/service/app-service';
import { openModelFile } from '../../../src/core/formats/model-file';
import { tfliteBytes } from '../../../src/core/formats/tflite/export';
import { inspectTflite } from '../../../src/core/formats/tflite/inspect';
import { describeTflite, importModelFile, modelFileFromArgv } from '../../../src/main/open-file';
import { VERIFY_FIXTURES } from '../../helpers/verify-kit';

describe('model files handed to the app', () => {
  it('finds the .h5/.tflite on a command line, made absolute, ignoring the executable, the app and flags', () => {
    expect(modelFileFromArgv(['/opt/Digit Studio/digit-studio', 'model.h5'], '/home/ada')).toBe('/home/ada/model.h5');
    expect(modelFileFromArgv(['C:\\Apps\\Digit Studio.exe', '--allow-file-access', '/data/net.TFLITE'], '/x')).toBe('/data/net.TFLITE');
    expect(modelFileFromArgv(['electron', '.', '--inspect=9229'], '/repo')).toBeUndefined();
    expect(modelFileFromArgv(['app', 'notes.txt', 'model.json', '--file=x.h5'], '/repo')).toBeUndefined();
    expect(modelFileFromArgv(['app', 'a.h5', 'sub/b.tflite'], '/w')).toBe('/w/sub/b.tflite');
    expect(modelFileFromArgv(['app', 'bad\0.h5'], '/w')).toBeUndefined();
  });

  it('imports a real Keras 3 .h5 through the AppService into the library', async () => {
    const bundled = fileURLToPath(new URL('../../../resources/models', import.meta.url));
    const service = new AppService({ version: 'test', shell: 'electron', userDir: mkdtempSync(join(tmpdir(), 'digit-studio-open-')), bundledModelsDir: bundled });
    const entry = await importModelFile(service, join(VERIFY_FIXTURES, 'keras_reference_mlp.h5'));
    // 784→128→128→10 Dense: 784·128+128 + 128·128+128 + 128·10+10 parameters.
    expect(entry).toMatchObject({ source: 'imported', name: 'keras_reference_mlp', params: 118_282 });
    expect(((await service.call('listModels', {})) as ModelEntry[]).map((m) => m.id)).toContain(entry.id);
    await expect(importModelFile(service, join(tmpdir(), 'no-such-model.h5'))).rejects.toThrow(/ENOENT/);
  });

  it('describes an opened .tflite (784 floats in, 10 out, the Dense ops) instead of importing it', async () => {
    const model = await openModelFile(fileURLToPath(new URL('../../../resources/models/digit-mlp.json', import.meta.url)));
    const text = describeTflite(inspectTflite(tfliteBytes(model, { quantize: 'none', inputShape: '784' })));
    expect(text).toMatch(/Input: .*float32 \[1,784\]/);
    expect(text).toMatch(/Output: .*float32 \[1,10\]/);
    expect(text).toMatch(/Operators: FULLY_CONNECTED → FULLY_CONNECTED → FULLY_CONNECTED → SOFTMAX/);
  });
});
