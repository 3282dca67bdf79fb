export * from './backend';
export * from './config';
export * from './events';
export * from './session';
export * from './samples';
