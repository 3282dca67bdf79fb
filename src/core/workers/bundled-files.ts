/**
 * The worker files electron-vite bundles (?modulePath gives each one's path in out/main at run time), registered
 * once by the built main process. Imported only there: the query imports mean nothing to tsx or Node.
 */
import augment from '../training/augment/worker?modulePath';
import engineHelper from '../training/engine/helper-worker?modulePath';
import training from '../training/worker?modulePath';
import h5Reader from '../formats/hdf5/read-worker?modulePath';
import job from '../service/job-worker?modulePath';
import { registerBundledWorkers } from './start-worker';

export function useBundledWorkers(): void {
  registerBundledWorkers({ training, augment, 'engine-helper': engineHelper, 'h5-reader': h5Reader, job });
}
