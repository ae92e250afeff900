import { describe, expect, it } from 'vitest';
import { createActor, fromPromise, waitFor, type SnapshotFrom } from 'xstate';
import type { ErrorKind } from '../../../../common/errors.js';
import { createKioskClient } from '../../../../common/kiosk-api/client.js';
import { err, ok } from '../../../../common/result.js';
import { receiptActors } from '../../../../renderer/flows/receipt/receipt-actors.js';
import { printerUsable, receiptMachine, type PrintReceiptInput } from '../../../../renderer/flows/receipt/receipt-machine.js';
import { FakeCore } from '../../renderer/fake-core.js';
import { FakePrinter, receiptInput, sessionId } from './receipt-fixture.js';

const start = (printer = new FakePrinter()) => {
  const asked: PrintReceiptInput[] = [];
  const actor = createActor(
    receiptMachine.provide({
      actors: {
        printReceipt: fromPromise<{ printed: true }, PrintReceiptInput>(({ input }) => {
          asked.push(input);
          return printer.print(input.localCode);
        }),
      },
    }),
    { input: receiptInput() },
  );
  actor.start();
  const until = (state: Parameters<SnapshotFrom<typeof receiptMachine>['matches']>[0]) => waitFor(actor, (s) => s.matches(state), { timeout: 1000 });
  return { actor, printer, asked, until };
};

describe('receipt step: printing', () => {
  it('prints on entry, then offers a reprint', async () => {
    const { actor, printer, asked, until } = start();
    expect(actor.getSnapshot().value).toBe('printing');
    await until('printed');
    expect(asked).toEqual([{ sessionId, localCode: 'KT01-260105-0007' }]);
    expect(printer.printed).toEqual(['KT01-260105-0007']);

    actor.send({ type: 'receipt.reprint' });
    expect(actor.getSnapshot().value).toBe('printing');
    await until('printed');
    expect(printer.printed).toHaveLength(2);
  });

  it('goes on to the rating or finishes', async () => {
    const first = start();
    await first.until('printed');
    first.actor.send({ type: 'receipt.rate' });
    expect(first.actor.getSnapshot().output).toEqual({ next: 'rate' });

    const second = start();
    await second.until('printed');
    second.actor.send({ type: 'receipt.finish' });
    expect(second.actor.getSnapshot().output).toEqual({ next: 'end' });
  });

  it('does not leave while the receipt is printing', () => {
    const { actor } = start();
    expect(actor.getSnapshot().can({ type: 'receipt.finish' })).toBe(false);
    expect(actor.getSnapshot().can({ type: 'receipt.rate' })).toBe(false);
  });
});

describe('receipt step: the printer fails', () => {
  it('out of paper: keeps the error (code and QR on screen), and reprints once paper is loaded', async () => {
    const printer = new FakePrinter();
    printer.media = 'out';
    const { actor, until } = start(printer);
    await until('failed');
    expect(actor.getSnapshot().context.error?.kind).toBe('PaperOut');
    expect(actor.getSnapshot().context.printerReady).toBe(false);

    // still no paper: the same failure, the code stays on screen throughout
    actor.send({ type: 'receipt.reprint' });
    expect(actor.getSnapshot().context.error?.kind).toBe('PaperOut');
    await until('failed');

    printer.loadPaper();
    actor.send({ type: 'core.deviceStatus', devices: printer.status() });
    expect(actor.getSnapshot().context.printerReady).toBe(true);
    actor.send({ type: 'receipt.reprint' });
    await until('printed');
    expect(actor.getSnapshot().context.error).toBeNull();
    expect(printer.printed).toEqual(['KT01-260105-0007']);
    actor.send({ type: 'receipt.finish' });
    expect(actor.getSnapshot().output).toEqual({ next: 'end' });
  });

  it.each<[string, (p: FakePrinter) => void, ErrorKind]>([
    ['a jam', (p) => (p.media = 'jammed'), 'PaperJam'],
    ['an open cover', (p) => (p.coverOpen = true), 'CoverOpen'],
    ['an offline printer', (p) => (p.online = false), 'DeviceOffline'],
  ])('%s: the resident can still rate or finish, the dossier is kept', async (_, breakIt, kind) => {
    const printer = new FakePrinter();
    breakIt(printer);
    const { actor, until } = start(printer);
    await until('failed');
    expect(actor.getSnapshot().context.error?.kind).toBe(kind);
    actor.send({ type: 'receipt.rate' });
    expect(actor.getSnapshot().output).toEqual({ next: 'rate' });
  });

  it('a printer is usable again only online with paper neither out nor jammed', () => {
    const p = new FakePrinter();
    expect(printerUsable(p.status())).toBe(true);
    p.media = 'out';
    expect(printerUsable(p.status())).toBe(false);
    p.media = 'ok';
    p.online = false;
    expect(printerUsable(p.status())).toBe(false);
    expect(printerUsable([])).toBe(false);
  });
});

describe('receipt step: real actors over the KioskApi', () => {
  it('calls receipt.print and words its error result', async () => {
    const core = new FakeCore();
    const printer = new FakePrinter();
    printer.media = 'out';
    core.extra['receipt.print'] = async (args) => {
      try {
        return ok(await printer.print((args as PrintReceiptInput).localCode));
      } catch (e) {
        return err(e as never);
      }
    };
    const actor = createActor(receiptMachine.provide({ actors: receiptActors(createKioskClient(core)) }), { input: receiptInput() });
    actor.start();
    await waitFor(actor, (s) => s.matches('failed'), { timeout: 1000 });
    expect(actor.getSnapshot().context.error?.kind).toBe('PaperOut');
    printer.loadPaper();
    actor.send({ type: 'receipt.reprint' });
    await waitFor(actor, (s) => s.matches('printed'), { timeout: 1000 });
    expect(core.callsOf('receipt.print')).toEqual([
      { sessionId, localCode: 'KT01-260105-0007' },
      { sessionId, localCode: 'KT01-260105-0007' },
    ]);
  });
});
