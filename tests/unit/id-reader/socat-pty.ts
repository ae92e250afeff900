// A real pty pair from socat: DIR/ttyA and DIR/ttyB, linked. Ready when socat has opened
// both ptys (two "PTY is" lines) and says it is transferring data; no fixed sleeps.
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';

export interface PtyPair {
  a: string;
  b: string;
  /** the /dev/pts paths socat reported */
  pts: string[];
  /** kill socat's process group and wait for it to exit: both ptys vanish (an unplug) */
  kill(): Promise<void>;
}

export const startPtyPair = (dir: string): Promise<PtyPair> => {
  const a = `${dir}/ttyA`;
  const b = `${dir}/ttyB`;
  const child: ChildProcess = spawn('socat', ['-d', '-d', `pty,raw,echo=0,link=${a}`, `pty,raw,echo=0,link=${b}`], {
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const kill = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone between the check and the kill
      }
    }
    await exited;
  };
  return new Promise((resolve, reject) => {
    const pts: string[] = [];
    let log = '';
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`socat exited (${code}) before the ptys were ready:\n${log}`)));
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (text: string) => {
      log += text;
      for (const m of text.matchAll(/N PTY is (\/dev\/pts\/\d+)/g)) if (m[1]) pts.push(m[1]);
      // the links exist once socat starts its transfer loop, after both "PTY is" lines
      if (pts.length === 2 && log.includes('starting data transfer loop')) resolve({ a, b, pts, kill });
    });
  });
};
