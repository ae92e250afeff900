import { assign, fromPromise, setup } from 'xstate';
import type { DeviceStatus } from '../../../common/domain/device-status.js';
import type { KioskError } from '../../../common/errors.js';
import { asKioskError } from '../../machines/kiosk-failure.js';
import type { FlowCoreEvent } from '../flow-types.js';
import type { ReceiptStepInput, ReceiptStepOutput } from '../step-types.js';

// The receipt of a dossier the outbox already holds: print it on entry, reprint on request.
// The dossier is safe whatever the printer does, so a failed print never blocks the resident:
// the screen then shows the code and its QR large, and "print again" stays available.

export interface PrintReceiptInput {
  sessionId: string;
  localCode: string;
}

export interface ReceiptContext {
  input: ReceiptStepInput;
  /** the last print failure; kept while a reprint runs so the code and QR stay on screen */
  error: KioskError | null;
  /** a device event said the printer looks usable again since the failure */
  printerReady: boolean;
  next: ReceiptStepOutput['next'] | null;
}

export type ReceiptEvent =
  | { type: 'receipt.reprint' }
  | { type: 'receipt.rate' }
  | { type: 'receipt.finish' }
  | Extract<FlowCoreEvent, { type: 'core.deviceStatus' }>;

/** The printer as a device event reports it: online with paper that is neither out nor jammed. */
export const printerUsable = (devices: readonly DeviceStatus[]): boolean => {
  const printer = devices.find((d) => d.id === 'printer');
  return printer !== undefined && printer.state === 'online' && printer.media !== 'out' && printer.media !== 'jammed';
};

const notProvided = (name: string) => () => {
  throw new Error(`actor ${name} must be provided (see renderer/flows/receipt/receipt-actors.ts)`);
};

export const receiptMachine = setup({
  types: {
    input: {} as ReceiptStepInput,
    output: {} as ReceiptStepOutput,
    context: {} as ReceiptContext,
    events: {} as ReceiptEvent,
  },
  actors: {
    printReceipt: fromPromise<{ printed: true }, PrintReceiptInput>(notProvided('printReceipt')),
  },
  actions: {
    printed: assign({ error: null, printerReady: false }),
    rememberError: assign({ error: (_, params: { error: unknown }) => asKioskError(params.error), printerReady: false }),
    notePrinter: assign({ printerReady: (_, params: { devices: DeviceStatus[] }) => printerUsable(params.devices) }),
    finishWith: assign({ next: (_, params: { next: ReceiptStepOutput['next'] }) => params.next }),
  },
}).createMachine({
  id: 'receipt',
  context: ({ input }) => ({ input, error: null, printerReady: false, next: null }),
  initial: 'printing',
  states: {
    printing: {
      invoke: {
        src: 'printReceipt',
        input: ({ context }) => ({ sessionId: context.input.sessionId, localCode: context.input.localCode }),
        onDone: { target: 'printed', actions: 'printed' },
        onError: { target: 'failed', actions: { type: 'rememberError', params: ({ event }) => ({ error: event.error }) } },
      },
    },
    printed: {
      on: {
        'receipt.reprint': 'printing',
        'receipt.rate': { target: 'finished', actions: { type: 'finishWith', params: { next: 'rate' } } },
        'receipt.finish': { target: 'finished', actions: { type: 'finishWith', params: { next: 'end' } } },
      },
    },
    failed: {
      on: {
        'core.deviceStatus': { actions: { type: 'notePrinter', params: ({ event }) => ({ devices: event.devices }) } },
        'receipt.reprint': 'printing',
        'receipt.rate': { target: 'finished', actions: { type: 'finishWith', params: { next: 'rate' } } },
        'receipt.finish': { target: 'finished', actions: { type: 'finishWith', params: { next: 'end' } } },
      },
    },
    finished: { type: 'final' },
  },
  output: ({ context }) => ({ next: context.next ?? 'end' }),
});

export type ReceiptMachine = typeof receiptMachine;
