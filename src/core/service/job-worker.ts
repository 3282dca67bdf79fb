/** Worker thread for one long action (evaluation, TFLite export + verification); posts one reply and ends. */
import { parentPort, workerData } from 'node:worker_threads';
import { loadMnist } from '../dataset';
import { evaluationResult, tfliteEvaluationResult } from './evaluation';
import { tfliteDownload } from './downloads';
import { userMessage } from './failure-message';
import type { Job, JobReply } from './job-protocol';

const port = parentPort;
if (!port) throw new Error('job-worker.ts runs as a worker thread');
const job = (workerData as { job: Job }).job;

async function run(): Promise<unknown> {
  const mnist = await loadMnist();
  const { test } = mnist;
  if (job.kind === 'export') return tfliteDownload(job, job.model, job.request, mnist);
  return 'tflite' in job ? tfliteEvaluationResult(job.id, job.tflite, test) : evaluationResult(job.id, job.model, test);
}

run().then(
  (result) => port.postMessage({ ok: true, result } satisfies JobReply),
  (error: unknown) => port.postMessage({ ok: false, error: userMessage(error) } satisfies JobReply),
);
