export { engineGap } from './memory-limit';
export { loadEngine, EngineUnavailableError, type EngineRuntime } from './runtime';
export { trainWithEngine } from './trainer';
