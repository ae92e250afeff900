import { fromPromise } from 'xstate';
import type { KioskClient } from '../../../common/kiosk-api/client.js';
import { unwrap } from '../../machines/kiosk-failure.js';
import type { PrintReceiptInput } from './receipt-machine.js';

/**
 * The receipt step's real actors, each one KioskApi call. The submit flow provides them to the
 * child it invokes: `receiptStep: receiptMachine.provide({ actors: receiptActors(client) })`.
 */
export const receiptActors = (client: KioskClient) => ({
  printReceipt: fromPromise<{ printed: true }, PrintReceiptInput>(async ({ input }) => unwrap(await client.call('receipt.print', input))),
});
