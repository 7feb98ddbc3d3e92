import type { Contract, Namespace } from '../../../common/api/contract';
import type { OutputOf, ParsedInputOf } from '../../../common/api/method';
import type { CallContext } from '../context';

/** A handler receives input already parsed by the method's schema. */
export type Handler<M> = (input: ParsedInputOf<M>, ctx: CallContext) => OutputOf<M> | Promise<OutputOf<M>>;

export type NamespaceHandlers<N extends Namespace> = { [K in keyof Contract[N]]: Handler<Contract[N][K]> };

export type HandlerTable = { [N in Namespace]: NamespaceHandlers<N> };
