// `npm start` keeps the kiosk up across a restart asked for in diagnostics (system → restart):
// the core ends with EX_TEMPFAIL, 75 (main/diagnostics/shell-control.ts), and is started
// again. Any other end — Ctrl-C, a crash, a config it refused — ends `npm start` with the same
// code: restarting a crash here would hide it in a loop (a kiosk in service runs under systemd,
// whose unit restarts on failure with a rate limit). Dependency-free: bootstrap.mjs imports it.

export const RESTART_EXIT_CODE = 75;

/**
 * Runs `start()` (which spawns the child) again each time the child exits with `restartCode`;
 * resolves with the exit code that ended it. `onChild` sees each new child (to forward signals).
 */
export function supervise(start, { restartCode = RESTART_EXIT_CODE, say = () => {}, onChild = () => {} } = {}) {
  return new Promise((resolve) => {
    const launch = () => {
      const child = start();
      onChild(child);
      child.on('exit', (code, signal) => {
        if (code === restartCode) {
          say('restart asked for: starting the kiosk again');
          launch();
          return;
        }
        resolve(code ?? (signal ? 1 : 0));
      });
    };
    launch();
  });
}
