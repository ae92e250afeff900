import { nodeFs, type OutboxFs } from '../../main/outbox/outbox-fs.js';

// The real file system, with a switch that makes the disk "full" at a chosen step: the n-th
// write or fdatasync throws ENOSPC exactly as Node would, until `spaceReturns()`.

export type FaultPoint = 'write' | 'datasync' | 'syncDir' | 'create';

export interface FaultyFs extends OutboxFs {
  /** fail the `nth` (1-based) call of `point` and every later one, until spaceReturns() */
  fillUpAt(point: FaultPoint, nth?: number): void;
  spaceReturns(): void;
  readonly failures: number;
}

const enospc = (syscall: string): Error => Object.assign(new Error(`ENOSPC: no space left on device, ${syscall}`), { code: 'ENOSPC', errno: -28, syscall });

export function faultyFs(base: OutboxFs = nodeFs): FaultyFs {
  let fault: { point: FaultPoint; remaining: number } | null = null;
  let failures = 0;
  const hit = (point: FaultPoint): void => {
    if (!fault || fault.point !== point) return;
    if (fault.remaining > 1) {
      fault.remaining--;
      return;
    }
    failures++;
    throw enospc(point);
  };
  return {
    ...base,
    get failures() {
      return failures;
    },
    fillUpAt(point, nth = 1) {
      fault = { point, remaining: nth };
    },
    spaceReturns() {
      fault = null;
    },
    async create(path, mode) {
      hit('create');
      const file = await base.create(path, mode);
      return {
        write: async (data, position) => {
          hit('write');
          await file.write(data, position);
        },
        datasync: async () => {
          hit('datasync');
          await file.datasync();
        },
        close: () => file.close(),
      };
    },
    async syncDir(path) {
      hit('syncDir');
      await base.syncDir(path);
    },
  };
}
