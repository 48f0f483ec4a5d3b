export * from './filesystem';
export * from './paths';
export * from './types';
export * from './host-files';
