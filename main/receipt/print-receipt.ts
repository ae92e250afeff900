import { kioskError, type KioskError } from '../../common/errors.js';
import type { ReceiptDoc } from '../../common/receipt/receipt-doc.js';
import { err, ok, type Result } from '../../common/result.js';
import type { ReceiptPrinter } from '../../hardware/printer/receipt-printer.js';
import type { JourneyJournal } from '../core/journey-journal.js';
import type { Logger } from '../log/logger.js';

export interface PrintDeps {
  printer: Pick<ReceiptPrinter, 'print'> | null;
  journal: JourneyJournal;
  now: () => number;
  log: Pick<Logger, 'warn'>;
}

/**
 * Prints a receipt. A printer that cannot (PaperOut, CoverOpen, DeviceOffline, NoDevice…)
 * comes back as its typed error: the screen then shows the code and the QR instead and
 * offers to print again once it is fixed; statistics count the failure.
 */
export const printReceipt = async (d: PrintDeps, doc: ReceiptDoc, localCode: string): Promise<Result<{ printed: true }, KioskError>> => {
  const r = d.printer ? await d.printer.print(doc) : err(kioskError('NoDevice', 'no receipt printer on this kiosk'));
  if (r.ok) return ok({ printed: true });
  d.journal.emit({ type: 'device.error', device: 'printer', kind: r.error.kind, at: d.now() });
  d.log.warn('receipt', 'receipt not printed', { localCode, kind: r.error.kind, detail: r.error.message });
  return err(r.error);
};
