import { spawn } from 'node:child_process';

// Runs SANE's `scanimage` in its own process group, always under a deadline. scanimage has
// been seen to hang at exit for 10 minutes, so on timeout or cancel the whole group is killed
// (SIGTERM, a grace, then SIGKILL) and the run only ends once the group is gone.

export interface ScanimageRunOptions {
  args: readonly string[];
  /** the scanimage binary; tests substitute a script that hangs */
  binary?: string;
  /** a private SANE config dir (tests: one holding `dll.conf` = `test` and `test.conf`) */
  saneConfigDir?: string;
  /** the run is killed when this passes without `extendDeadline` being called */
  timeoutMs: number;
  /** between SIGTERM to the group and SIGKILL */
  killGraceMs?: number;
  signal?: AbortSignal;
  onStdoutLine?: (line: string) => void;
  onStderrLine?: (line: string) => void;
}

export type ScanimageEnd = 'exited' | 'timeout' | 'cancelled' | 'spawnError';

export interface ScanimageOutcome {
  end: ScanimageEnd;
  exitCode: number | null;
  exitSignal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  pid: number | undefined;
  durationMs: number;
  /** false only if the group survived SIGKILL's reaping window: a leak worth logging */
  groupGone: boolean;
  /** set when the binary could not be started (ENOENT: SANE not installed) */
  spawnError?: string;
}

export interface ScanimageRun {
  readonly pid: number | undefined;
  readonly done: Promise<ScanimageOutcome>;
  /** a page arrived, so the scanner is alive: the deadline becomes `ms` (default timeoutMs) from now */
  extendDeadline(ms?: number): void;
}

const MAX_CAPTURE = 1 << 20;
const DEFAULT_KILL_GRACE_MS = 2000;
// killed grandchildren are re-parented to PID 1, which may reap them only after a second or so
const REAP_WAIT_MS = 5000;
const POLL_MS = 25;

/** True while any process of the group `pgid` exists (zombies included). */
export const isGroupAlive = (pgid: number): boolean => {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

const signalGroup = (pgid: number, sig: NodeJS.Signals): void => {
  try {
    process.kill(-pgid, sig);
  } catch {
    // ESRCH: already gone
  }
};

const waitUntil = async (cond: () => boolean, maxMs: number): Promise<boolean> => {
  const until = Date.now() + maxMs;
  while (!cond()) {
    if (Date.now() >= until) return false;
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
  return true;
};

const lineSplitter = (onLine: ((line: string) => void) | undefined, sink: { text: string }) => {
  let partial = '';
  return {
    push(chunk: string): void {
      if (sink.text.length < MAX_CAPTURE) sink.text += chunk;
      if (!onLine) return;
      const lines = (partial + chunk).split('\n');
      partial = lines.pop() ?? '';
      for (const l of lines) onLine(l.replace(/\r$/, ''));
    },
    flush(): void {
      if (onLine && partial) onLine(partial);
      partial = '';
    },
  };
};

export const startScanimage = (opts: ScanimageRunOptions): ScanimageRun => {
  const started = Date.now();
  const killGraceMs = opts.killGraceMs ?? DEFAULT_KILL_GRACE_MS;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    // SANE translates its status strings; the error mapping reads the English ones
    LC_ALL: 'C',
    LANG: 'C',
    LANGUAGE: '',
    ...(opts.saneConfigDir ? { SANE_CONFIG_DIR: opts.saneConfigDir } : {}),
  };
  const child = spawn(opts.binary ?? 'scanimage', [...opts.args], { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env });
  const pid = child.pid;
  const out = { text: '' };
  const errOut = { text: '' };
  const stdoutLines = lineSplitter(opts.onStdoutLine, out);
  const stderrLines = lineSplitter(opts.onStderrLine, errOut);
  child.stdout.setEncoding('utf8').on('data', (c: string) => stdoutLines.push(c));
  child.stderr.setEncoding('utf8').on('data', (c: string) => stderrLines.push(c));

  let stopReason: 'timeout' | 'cancelled' | undefined;
  let timer: NodeJS.Timeout | undefined;
  let finished = false;
  let killing: Promise<boolean> | undefined;

  const killGroup = (): Promise<boolean> => {
    if (pid === undefined) return Promise.resolve(true);
    killing ??= (async () => {
      signalGroup(pid, 'SIGTERM');
      await waitUntil(() => !isGroupAlive(pid), killGraceMs);
      // SIGKILL even if the leader left: a grandchild may ignore SIGTERM and keep the group
      signalGroup(pid, 'SIGKILL');
      return waitUntil(() => !isGroupAlive(pid), REAP_WAIT_MS);
    })();
    return killing;
  };

  const stop = (reason: 'timeout' | 'cancelled'): void => {
    if (finished || stopReason) return;
    stopReason = reason;
    if (timer) clearTimeout(timer);
    void killGroup();
  };

  const arm = (ms: number): void => {
    if (finished || stopReason) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => stop('timeout'), ms);
  };
  arm(opts.timeoutMs);

  const onAbort = (): void => stop('cancelled');
  if (opts.signal?.aborted) stop('cancelled');
  else opts.signal?.addEventListener('abort', onAbort, { once: true });

  const done = new Promise<ScanimageOutcome>((resolve) => {
    let spawnError: string | undefined;
    child.on('error', (e) => {
      spawnError = e.message;
    });
    // 'close' waits for the pipes too: a hung grandchild holding them keeps it from firing
    // until the group is killed, which is what the deadline is for
    child.on('close', (exitCode, exitSignal) => {
      void (async () => {
        finished = true;
        if (timer) clearTimeout(timer);
        opts.signal?.removeEventListener('abort', onAbort);
        stdoutLines.flush();
        stderrLines.flush();
        // a straggler left in the group after a normal exit is killed too
        const groupGone = pid === undefined || killing !== undefined || isGroupAlive(pid) ? await killGroup() : true;
        const end: ScanimageEnd = spawnError !== undefined && pid === undefined ? 'spawnError' : (stopReason ?? 'exited');
        resolve({
          end,
          exitCode,
          exitSignal,
          stdout: out.text,
          stderr: errOut.text,
          pid,
          durationMs: Date.now() - started,
          groupGone,
          ...(spawnError !== undefined ? { spawnError } : {}),
        });
      })();
    });
  });

  return {
    pid,
    done,
    extendDeadline: (ms?: number) => arm(ms ?? opts.timeoutMs),
  };
};

/** One short scanimage call (`-L`, `-A`) whose output is wanted whole. */
export const runScanimage = (opts: ScanimageRunOptions): Promise<ScanimageOutcome> => startScanimage(opts).done;
