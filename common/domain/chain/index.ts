export * from './canonical';
export * from './hash';
export * from './hex';
export * from './record';
export * from './tagged';
export * from './verify';
