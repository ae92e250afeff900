import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// A private SANE config dir that enables only the `test` backend (Debian ships it commented
// out in /etc/sane.d/dll.conf), and tiny stand-ins for scanimage that hang like the real one.

export const hasScanimage = (() => {
  try {
    execFileSync('scanimage', ['--version'], { stdio: 'ignore' });
    return existsSync('/etc/sane.d/test.conf');
  } catch {
    return false;
  }
})();

export interface SaneFixture {
  root: string;
  saneConfigDir: string;
  /** a fresh empty folder under root */
  dir(name: string): string;
  /** writes an executable shell script under root */
  script(name: string, body: string): string;
  cleanup(): void;
}

export const makeSaneFixture = (): SaneFixture => {
  const root = mkdtempSync(join(tmpdir(), 'scanner-test-'));
  const saneConfigDir = join(root, 'sane.d');
  mkdirSync(saneConfigDir);
  writeFileSync(join(saneConfigDir, 'dll.conf'), 'test\n');
  if (existsSync('/etc/sane.d/test.conf')) copyFileSync('/etc/sane.d/test.conf', join(saneConfigDir, 'test.conf'));
  let n = 0;
  return {
    root,
    saneConfigDir,
    dir: (name) => {
      const d = join(root, `${name}-${++n}`);
      mkdirSync(d);
      return d;
    },
    script: (name, body) => {
      const p = join(root, name);
      writeFileSync(p, `#!/bin/sh\n${body}\n`, { mode: 0o755 });
      return p;
    },
    cleanup: () => rmSync(root, { recursive: true, force: true }),
  };
};

/** True when no process is left in group `pgid` (zombies count as left). */
export const groupGone = (pgid: number): boolean => {
  try {
    process.kill(-pgid, 0);
    return false;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ESRCH';
  }
};

export const processGone = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return false;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ESRCH';
  }
};

export const readPid = (file: string): number => Number(readFileSync(file, 'utf8').trim());

/**
 * A scanimage that answers `-L`/`-A` truthfully but hangs on a scan: it ignores SIGTERM and
 * starts a grandchild that does too, so only a SIGKILL to the whole group ends it. It writes
 * its pid (the group id) and the grandchild's to `pidFile`.
 */
export const hangingScanimage = (fx: SaneFixture, pidFile: string): string =>
  fx.script(
    'scanimage-hangs',
    `case "$*" in
  *--batch*|*-o*) trap '' TERM; sleep 600 & echo "$$ $!" > '${pidFile}'; echo started; wait ;;
  *) exec scanimage "$@" ;;
esac`,
  );

/** The real scanimage, which records its pid (= its process group) first. */
export const pidRecordingScanimage = (fx: SaneFixture, pidFile: string): string =>
  fx.script('scanimage-pid', `echo "$$" > '${pidFile}'\nexec scanimage "$@"`);

/** The real scanimage, then a hang at exit with every page on disk (seen in the field). */
export const exitHangingScanimage = (fx: SaneFixture, pidFile: string): string =>
  fx.script(
    'scanimage-exit-hang',
    `echo "$$" > '${pidFile}'
case "$*" in
  *--batch*) scanimage "$@"; trap '' TERM; sleep 600 & wait ;;
  *) exec scanimage "$@" ;;
esac`,
  );
