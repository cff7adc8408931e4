export * from './version';
export * from './errors';
export * from './views';
export * from './events';
export * as schemas from './schemas';
export * from './cases';
export * from './progress';
export * from './evaluations';
