// Shapes the shells need from main/app.ts, kept apart so the Electron entry and the browser
// host can import them without pulling in the whole core.
export type ShellName = 'electron' | 'browser-host';

export interface AppOptions {
  /** the site file; defaults to kiosk-config/sites/embedded.json */
  sitePath: string;
  /** kiosk-config/ of this install: samples and content the simulators and screens use */
  configRoot: string;
  /** where the kiosk keeps its state (outbox, logs, secrets for the embedded default) */
  dataDir: string;
  /** secrets file (PIN hashes, city credentials); defaults to <dataDir>/secrets.json */
  secretsPath?: string;
  shell: ShellName;
}
