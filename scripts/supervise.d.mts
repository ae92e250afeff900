// Types for supervise.mjs, which stays plain JavaScript: bootstrap.mjs runs before anything is built.
import type { ChildProcess } from 'node:child_process';

export declare const RESTART_EXIT_CODE: 75;

export interface SuperviseOptions {
  /** the exit code that asks for a restart; null: none does */
  restartCode?: number | null;
  say?: (line: string) => void;
  onChild?: (child: ChildProcess) => void;
}

export declare function supervise(start: () => ChildProcess, options?: SuperviseOptions): Promise<number>;
