import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { CitizenIdentity } from '../../../common/domain/citizen-identity.js';
import { parseCccdSamples } from '../../../hardware/simulators/id-reader-sim.js';
import { runIdParse } from '../../../scripts/commands/id-parse.js';
import { sharedPath } from '../../helpers/shared-path.js';

const samples = parseCccdSamples(readFileSync(sharedPath('samples', 'cccd-qr.tsv'), 'utf8'));

const run = async (args: string[], stdin = '') => {
  const out: string[] = [];
  const errOut: string[] = [];
  const code = await runIdParse(args, {
    stdin: Readable.from([Buffer.from(stdin)]),
    stdout: { write: (t: string) => out.push(t) },
    stderr: { write: (t: string) => errOut.push(t) },
  });
  return { code, stdout: out.join(''), stderr: errOut.join('') };
};

describe('id parse', () => {
  it.each(samples)('$expect: $why (argument)', async ({ expect: expected, payload }) => {
    const r = await run([payload]);
    if (expected === 'valid') {
      expect(r.code).toBe(0);
      expect(r.stderr).toBe('');
      const identity = CitizenIdentity.parse(JSON.parse(r.stdout));
      expect(identity.idNumber).toBe(payload.split('|')[0]);
    } else {
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      const error: unknown = JSON.parse(r.stderr);
      expect(error).toMatchObject({ kind: 'InvalidIdPayload', field: expect.any(String), rule: expect.any(String), message: expect.any(String) });
    }
  });

  it.each(samples)('$expect: $why (stdin, "-", with a trailing CRLF)', async ({ expect: expected, payload }) => {
    const r = await run(['-'], payload + '\r\n');
    expect(r.code).toBe(expected === 'valid' ? 0 : 1);
  });

  it('reads stdin split inside a multi-byte character', async () => {
    const bytes = Buffer.from(samples[0]?.payload ?? '');
    const out: string[] = [];
    const code = await runIdParse(['-'], {
      stdin: Readable.from([bytes.subarray(0, 28), bytes.subarray(28)]),
      stdout: { write: (t: string) => out.push(t) },
      stderr: { write: () => undefined },
    });
    expect(code).toBe(0);
    expect(JSON.parse(out.join(''))).toMatchObject({ fullName: 'Nguyễn Văn An' });
  });

  it('no payload or too many words: usage, exit 2', async () => {
    expect(await run([])).toMatchObject({ code: 2, stdout: '', stderr: expect.stringMatching(/^usage/) });
    expect((await run(['a', 'b'])).code).toBe(2);
  });
});
