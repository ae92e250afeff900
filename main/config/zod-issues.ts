import type { z } from 'zod';
import type { FieldIssue } from '../../common/errors.js';

// Turns zod's issues into `field: rule` pairs a technician can act on. Rules written in the
// schema are kept as they are; zod's generic wording ("Too small: expected number to be
// >=15") is rephrased so every line reads the same way.

type Issue = z.core.$ZodIssue;

export const dottedPath = (path: readonly PropertyKey[]): string => path.map((p) => String(p)).join('.');

const UNKNOWN_FIELD = 'unknown field (check its spelling; unknown fields are refused)';

export function fieldIssues(issues: readonly Issue[], input: unknown): FieldIssue[] {
  return issues.flatMap((issue): FieldIssue[] =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ path: dottedPath([...issue.path, key]), rule: UNKNOWN_FIELD }))
      : [{ path: dottedPath(issue.path), rule: ruleOf(issue, input) }],
  );
}

// zod's own messages all start this way; anything else was written in our schema
const isZodDefault = (message: string): boolean => /^(Invalid|Too (small|big)|Unrecognized)/.test(message);

function ruleOf(issue: Issue, input: unknown): string {
  if (issue.code === 'invalid_type' && valueAt(input, issue.path) === undefined) return 'is required';
  if (!isZodDefault(issue.message)) return issue.message;
  switch (issue.code) {
    case 'invalid_type':
      return issue.expected === 'int' ? 'must be a whole number' : `must be ${article(typeName(issue.expected))}`;
    case 'invalid_value':
      return issue.values.length === 1 ? `must be ${JSON.stringify(issue.values[0])}` : `must be one of ${issue.values.map(String).join(', ')}`;
    case 'too_small':
      return bound('at least', 'more than', issue.origin, issue.minimum, issue.inclusive);
    case 'too_big':
      return bound('at most', 'less than', issue.origin, issue.maximum, issue.inclusive);
    case 'invalid_format':
      return `must be a valid ${issue.format}`;
    case 'invalid_union':
      return issue.discriminator !== undefined && 'options' in issue && issue.options
        ? `must be one of ${issue.options.map(String).join(', ')}`
        : 'does not match any of the allowed forms';
    default:
      return issue.message;
  }
}

function bound(inclusiveWord: string, exclusiveWord: string, origin: string, limit: number | bigint, inclusive = true): string {
  const word = inclusive ? inclusiveWord : exclusiveWord;
  if (origin === 'string') return Number(limit) === 1 && inclusiveWord === 'at least' ? 'must not be empty' : `must be ${word} ${limit} characters long`;
  if (origin === 'array' || origin === 'set') return `must have ${word} ${limit} item${Number(limit) === 1 ? '' : 's'}`;
  return `must be ${word} ${limit}`;
}

const typeName = (expected: string): string => (expected === 'object' ? 'JSON object' : expected === 'array' ? 'list' : expected);
const article = (noun: string): string => (/^[aeiou]/i.test(noun) ? `an ${noun}` : `a ${noun}`);

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let here: unknown = root;
  for (const key of path) {
    if (typeof here !== 'object' || here === null) return undefined;
    here = (here as Record<PropertyKey, unknown>)[key];
  }
  return here;
}
