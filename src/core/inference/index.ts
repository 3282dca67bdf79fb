export * from './evaluate';
export * from './forward';
