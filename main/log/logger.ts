import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
const rank: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface Logger {
  debug(component: string, message: string, fields?: Record<string, unknown>): void;
  info(component: string, message: string, fields?: Record<string, unknown>): void;
  warn(component: string, message: string, fields?: Record<string, unknown>): void;
  error(component: string, message: string, fields?: Record<string, unknown>): void;
}

export interface LoggerOptions {
  /** JSON-lines file; none keeps logs on stderr only */
  file?: string;
  level?: LogLevel;
  /** also write to stderr (the technician's terminal) */
  stderr?: boolean;
}

/** Structured JSON-lines logs: one object per line, so tools can filter by level and component. */
export const createLogger = ({ file, level = 'info', stderr = true }: LoggerOptions = {}): Logger => {
  if (file) mkdirSync(dirname(file), { recursive: true });
  const write = (lvl: LogLevel, component: string, message: string, fields?: Record<string, unknown>) => {
    if (rank[lvl] < rank[level]) return;
    const line = JSON.stringify({ at: new Date().toISOString(), level: lvl, component, message, ...fields }) + '\n';
    // appendFileSync: a log line must survive a crash right after it
    if (file) appendFileSync(file, line);
    if (stderr) process.stderr.write(line);
  };
  return {
    debug: (c, m, f) => write('debug', c, m, f),
    info: (c, m, f) => write('info', c, m, f),
    warn: (c, m, f) => write('warn', c, m, f),
    error: (c, m, f) => write('error', c, m, f),
  };
};

export const silentLogger: Logger = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };
