// Bootstrap for worker threads whose code is TypeScript source (CLI, tests, web mode), used by
// src/core/workers/start-worker.ts: registers tsx in the worker, then loads the entry module named in workerData.entry.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
