// What diagnostics asks of the shell that runs the kiosk: to restart it, and (Electron only)
// to leave kiosk mode for the desktop. The shell passes its own in main/app.ts; the default
// restarts by ending the process with RESTART_EXIT_CODE, which the supervisor restarts on.

/**
 * EX_TEMPFAIL: "try again". systemd: `Restart=on-failure` (or `RestartForceExitStatus=75`);
 * `npm start` starts the kiosk again on it (scripts/supervise.mjs).
 */
export const RESTART_EXIT_CODE = 75;
/** time for the reply (and its audit row) to leave before the process ends */
export const RESTART_DELAY_MS = 500;

export interface ShellControl {
  /** schedules the restart; returns at once, so the reply still reaches the screen */
  restart(): void;
  /** absent where the shell cannot (the browser host has no kiosk mode of its own) */
  exitKiosk?: () => Promise<void> | void;
}

/**
 * Ends the process without closing the core first. That is safe by design: a dossier the
 * kiosk acknowledged is already durable (the outbox survives kill -9), and the supervisor
 * starts a fresh process either way.
 */
export const processShellControl = (exit: (code: number) => void = (code) => process.exit(code)): ShellControl => ({
  restart: () => {
    setTimeout(() => exit(RESTART_EXIT_CODE), RESTART_DELAY_MS);
  },
});
