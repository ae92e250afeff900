import { open } from 'node:fs/promises';
import { err, ok, type Result } from '../../common/result.js';

export type ReadFailureReason = 'missing' | 'notAFile' | 'unreadable' | 'notJson';
export interface ReadFailure {
  reason: ReadFailureReason;
  /** what went wrong, in words a technician can act on */
  rule: string;
}
export interface ConfigFileContent {
  json: unknown;
  /** permission bits, for files that must not be readable by others */
  mode: number;
}

const errnoCode = (e: unknown): string | undefined =>
  typeof e === 'object' && e !== null && 'code' in e && typeof e.code === 'string' ? e.code : undefined;

/** Reads and parses a JSON config file, turning every failure into a reason and a rule. */
export async function readJsonConfigFile(file: string): Promise<Result<ConfigFileContent, ReadFailure>> {
  let text: string;
  let mode: number;
  try {
    // stat and read through one handle so the mode belongs to the bytes we read
    const handle = await open(file, 'r');
    try {
      const st = await handle.stat();
      if (!st.isFile()) return err({ reason: 'notAFile', rule: st.isDirectory() ? 'is a directory, not a file' : 'is not a regular file' });
      mode = st.mode & 0o777;
      text = await handle.readFile('utf8');
    } finally {
      await handle.close();
    }
  } catch (e) {
    const code = errnoCode(e);
    if (code === 'ENOENT') return err({ reason: 'missing', rule: 'file not found' });
    if (code === 'EISDIR') return err({ reason: 'notAFile', rule: 'is a directory, not a file' });
    if (code === 'EACCES' || code === 'EPERM') return err({ reason: 'unreadable', rule: 'cannot be read: permission denied' });
    return err({ reason: 'unreadable', rule: `cannot be read (${code ?? String(e)})` });
  }
  const parsed = parseJsonText(text);
  return parsed.ok ? ok({ json: parsed.value, mode }) : err({ reason: 'notJson', rule: parsed.error });
}

/** JSON.parse with the failure located as line and column where V8's message allows it. */
export function parseJsonText(raw: string): Result<unknown, string> {
  // editors on Windows like to write a byte-order mark
  const text = raw.startsWith('\uFEFF') ? raw.slice(1) : raw;
  try {
    return ok(JSON.parse(text) as unknown);
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    const where = errorOffset(detail, text);
    if (where === null) return err(`is not valid JSON: ${detail}`);
    const { line, column } = lineColumn(text, where);
    const reason = detail
      .replace(/ in JSON at position \d+.*$/, '')
      .replace(/^(Unexpected token '[\s\S]+?'), [\s\S]*$/, '$1');
    return err(`is not valid JSON at line ${line}, column ${column}: ${reason}`);
  }
}

function errorOffset(detail: string, text: string): number | null {
  const pos = /at position (\d+)/.exec(detail);
  if (pos?.[1] !== undefined) return Number(pos[1]);
  if (/Unexpected end of JSON input/.test(detail)) return text.length;
  return firstBadPrefix(text);
}

// V8 gives no position for "Unexpected token": every prefix shorter than the bad token is
// valid or fails at its very end, so the shortest prefix failing earlier ends with it
function firstBadPrefix(text: string): number | null {
  const failsBeforeEnd = (length: number): boolean => {
    try {
      JSON.parse(text.slice(0, length));
      return false;
    } catch (e) {
      const message = e instanceof Error ? e.message : '';
      const at = /at position (\d+)/.exec(message)?.[1];
      return !/Unexpected end of JSON input/.test(message) && (at === undefined || Number(at) < length);
    }
  };
  if (!failsBeforeEnd(text.length)) return null;
  let [lo, hi] = [0, text.length];
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (failsBeforeEnd(mid)) hi = mid;
    else lo = mid;
  }
  return hi - 1;
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - (before.lastIndexOf('\n') + 1) + 1;
  return { line, column };
}
