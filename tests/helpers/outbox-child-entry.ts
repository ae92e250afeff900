// A child process for the tests that need a real process boundary: kill -9 right after an
// enqueue resolved, and a disk that really fills (a small tmpfs in a private mount namespace).
import { randomBytes } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import { fileKeyProvider } from '../../main/outbox/key-provider.js';
import { Outbox } from '../../main/outbox/outbox.js';
import { sampleInput } from './outbox-fixtures.js';

type Args = { mode: 'kill'; dir: string; keyPath: string; count: number } | { mode: 'tmpfs'; dir: string; keyPath: string; ballastBytes: number; pageBytes: number };

const args = JSON.parse(process.argv[2] ?? '{}') as Args;
const say = (o: unknown) => process.stdout.write(JSON.stringify(o) + '\n');

const open = async () => {
  const r = await Outbox.open({ dir: args.dir, kioskId: 'K0007', keyProvider: fileKeyProvider(args.keyPath) });
  if (!r.ok) throw new Error(`${r.error.kind}: ${r.error.message}`);
  return r.value;
};

if (args.mode === 'kill') {
  const outbox = await open();
  for (let i = 0; i < args.count; i++) {
    const r = await outbox.enqueue(sampleInput(2, 64 * 1024));
    if (!r.ok) throw new Error(r.error.message);
    say(r.value);
  }
  // the receipt is printed: no close, no flush, no exit handlers
  process.kill(process.pid, 'SIGKILL');
} else {
  let outbox = await open();
  const ballast = `${args.dir}/ballast`;
  await writeFile(ballast, randomBytes(args.ballastBytes));
  const accepted: string[] = [];
  const errors: string[] = [];
  for (let i = 0; i < 200 && errors.length < 2; i++) {
    const r = await outbox.enqueue(sampleInput(2, args.pageBytes));
    if (r.ok) accepted.push(r.value.id);
    else errors.push(r.error.kind);
  }
  const whileFull = await outbox.checkIntegrity();
  const countsFull = (await outbox.counts()).counts.submitted;
  await rm(ballast);
  const after = await outbox.enqueue(sampleInput(2, args.pageBytes));
  if (after.ok) accepted.push(after.value.id);
  await outbox.close();
  outbox = await open();
  let readable = 0;
  for (const id of accepted) {
    const s = await outbox.readSubmission(id);
    const a = await outbox.readAttachment(id, 1);
    if (s.ok && a.ok) readable++;
  }
  say({
    accepted: accepted.length,
    errors,
    countsFull,
    afterOk: after.ok,
    afterError: after.ok ? null : after.error.kind,
    whileFull,
    reopened: (await outbox.counts()).counts.submitted,
    readable,
    integrity: await outbox.checkIntegrity(),
  });
  await outbox.close();
}
