export * from './build';
export * from './check';
export * from './period';
export * from './summary';
export * from './text';
