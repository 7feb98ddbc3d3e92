export * from './components';
export * from './postings';
export * from './replay';
export * from './arrangement';
export * from './settlement';
export * from './terms';
export * from './book';
