export * from './result';
export * from './types';
export * from './contract';
export type { MethodSpec, InputOf, OutputOf, ParsedInputOf } from './method';
export * from './types-supervisor';
export * from './types-ledger';
