export * from './build';
export * from './check';
export * from './summary';
export * from './text';
