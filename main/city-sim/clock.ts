/** The simulator's time: a base clock plus an offset the tests (or `/__sim/clock`) move. */
export interface SimClock {
  now(): number;
  advance(ms: number): void;
  /** jump so that now() returns `ms` */
  set(ms: number): void;
}

export const createSimClock = (base: () => number = Date.now): SimClock => {
  let offset = 0;
  return {
    now: () => base() + offset,
    advance: (ms) => {
      offset += ms;
    },
    set: (ms) => {
      offset = ms - base();
    },
  };
};
