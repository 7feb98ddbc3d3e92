/** Time-ordered ids made offline: UUIDv7 sorts by creation time and needs no server. */
import { v7 } from 'uuid';

export const newId = (): string => v7();
