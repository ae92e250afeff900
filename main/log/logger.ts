import { redactFields, redactText } from './redact.js';
import { RotatingFile, type RotationOptions } from './rotating-file.js';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
const rank: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface Logger {
  debug(component: string, message: string, fields?: Record<string, unknown>): void;
  info(component: string, message: string, fields?: Record<string, unknown>): void;
  warn(component: string, message: string, fields?: Record<string, unknown>): void;
  error(component: string, message: string, fields?: Record<string, unknown>): void;
  /** the JSON-lines file it writes, when it writes one (diagnostics tails and exports it) */
  readonly file?: string;
}

export interface LoggerOptions {
  /** JSON-lines file; none keeps logs on stderr only */
  file?: string;
  level?: LogLevel;
  /** also write to stderr (the technician's terminal) */
  stderr?: boolean;
  /** size and age limits of the file (see rotating-file.ts) */
  rotation?: RotationOptions;
  now?: () => number;
}

/** the line's own keys: a field of the same name is kept under `field.<name>`, never overrides them */
const reserved = new Set(['at', 'level', 'component', 'message']);

/**
 * Structured JSON-lines logs: one object per line, so tools can filter by level and component.
 * PII is redacted here, once, for every caller (see redact.ts).
 */
export const createLogger = ({ file, level = 'info', stderr = true, rotation, now = Date.now }: LoggerOptions = {}): Logger => {
  const out = file ? new RotatingFile(file, { now, ...rotation }) : null;
  const write = (lvl: LogLevel, component: string, message: string, fields?: Record<string, unknown>) => {
    if (rank[lvl] < rank[level]) return;
    const safe = fields ? redactFields(fields) : {};
    const extra: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(safe)) extra[reserved.has(k) ? `field.${k}` : k] = v;
    const line = JSON.stringify({ at: new Date(now()).toISOString(), level: lvl, component: redactText(component), message: redactText(message), ...extra }) + '\n';
    if (out) {
      try {
        out.write(line);
      } catch (e) {
        // a full or read-only disk must not take the kiosk down with it; stderr still hears it
        if (!stderr) process.stderr.write(`log write failed: ${(e as Error).message}\n`);
      }
    }
    if (stderr) process.stderr.write(line);
  };
  return {
    debug: (c, m, f) => write('debug', c, m, f),
    info: (c, m, f) => write('info', c, m, f),
    warn: (c, m, f) => write('warn', c, m, f),
    error: (c, m, f) => write('error', c, m, f),
    ...(file ? { file } : {}),
  };
};

export const silentLogger: Logger = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };
