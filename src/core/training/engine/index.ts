export { engineGap } from './gap';
export { loadEngine, EngineUnavailableError, type EngineRuntime } from './runtime';
export { trainWithEngine } from './trainer';
