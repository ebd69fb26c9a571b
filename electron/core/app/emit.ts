import type { Events } from '../../shared/contract';

/** Pushes one event of the contract to whoever listens (main sends it to the window). */
export type Emit = <E extends keyof Events>(event: E, payload: Events[E]) => void;
