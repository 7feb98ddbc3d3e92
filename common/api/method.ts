import type { z } from 'zod';
import type { Role } from './types';

/**
 * One API method, declared once: its input schema, its output type (phantom), and who may call it.
 * The handler table, the preload bridge, the host client and the renderer's types derive from it.
 */
export interface MethodSpec<I extends z.ZodType = z.ZodType, O = unknown> {
  readonly input: I;
  readonly roles: readonly Role[];
  readonly description: string;
  /** Callable without a signed-in session (sign-in itself, first-run setup, status). */
  readonly public: boolean;
  /** Type-level only: the output. Never set at run time. */
  readonly __output?: O;
}

export const ALL_ROLES: readonly Role[] = ['collector', 'supervisor', 'admin'];

/** `method<Output>()(inputSchema, {roles, description})` — curried so the output type can be named alone. */
export function method<O>() {
  return <I extends z.ZodType>(input: I, opts: { roles?: readonly Role[]; description: string; public?: boolean }): MethodSpec<I, O> => ({
    input,
    roles: opts.roles ?? ALL_ROLES,
    description: opts.description,
    public: opts.public ?? false,
  });
}

export type InputOf<M> = M extends MethodSpec<infer I, unknown> ? z.input<I> : never;
export type ParsedInputOf<M> = M extends MethodSpec<infer I, unknown> ? z.output<I> : never;
export type OutputOf<M> = M extends MethodSpec<z.ZodType, infer O> ? O : never;
