export * from './backend';
export * from './session';
export * from './training-data';
