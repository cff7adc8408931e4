export * from './version';
export * from './errors';
export * from './views';
export * from './events';
export * as schemas from './schemas';
