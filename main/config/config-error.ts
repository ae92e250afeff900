import { isAbsolute, relative } from 'node:path';
import type { FieldIssue } from '../../common/errors.js';

/** Why a config or secrets file was refused; shaped so it can travel as a KioskError. */
export interface ConfigLoadError {
  kind: 'ConfigInvalid';
  /** the path as the caller gave it */
  file: string;
  issues: FieldIssue[];
  /** one line: the first problem, and how many more there are */
  message: string;
}

/** The file as a technician would type it: relative to the working directory when inside it. */
export function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file;
}

const issueLine = (file: string, issue: FieldIssue): string =>
  issue.path === '' ? `${displayPath(file)}: ${issue.rule}` : `${displayPath(file)}: ${issue.path}: ${issue.rule}`;

export function configLoadError(file: string, issues: FieldIssue[]): ConfigLoadError {
  const [first] = issues;
  const head = first ? issueLine(file, first) : `${displayPath(file)}: invalid`;
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
  return { kind: 'ConfigInvalid', file, issues, message: head + more };
}

/** One issue per line, each self-contained (`file: field: rule`) like compiler output. */
export function formatConfigError(e: Pick<ConfigLoadError, 'file' | 'issues'>): string {
  if (e.issues.length === 0) return `${displayPath(e.file)}: invalid`;
  return e.issues.map((issue) => issueLine(e.file, issue)).join('\n');
}
