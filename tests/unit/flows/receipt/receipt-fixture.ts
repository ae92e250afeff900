import type { Procedure } from '../../../../common/catalog/catalog-schema.js';
import type { DeviceStatus } from '../../../../common/domain/device-status.js';
import { kioskError, type ErrorKind } from '../../../../common/errors.js';
import type { ReceiptStepInput } from '../../../../renderer/flows/step-types.js';
import { testConfig } from '../../renderer/fake-core.js';
import { testCatalog } from '../../renderer/test-catalog.js';

export const sessionId = 'session-000000000001';
export const procedure = testCatalog.procedures[0] as Procedure;

export const receiptInput = (over: Partial<ReceiptStepInput> = {}): ReceiptStepInput => ({
  sessionId,
  config: testConfig,
  procedure,
  localCode: 'KT01-260105-0007',
  // 09:30 on Monday 5 January 2026 in Vietnam
  submittedAt: '2026-01-05T02:30:00.000Z',
  appointmentDate: '2026-01-12',
  trackingQr: 'KT01-260105-0007',
  ...over,
});

/**
 * A receipt printer as the core sees one: it prints while it has paper and a closed cover,
 * and reports its state like the device events do. An officer "loads paper" to fix it.
 */
export class FakePrinter {
  media: 'ok' | 'out' | 'jammed' = 'ok';
  coverOpen = false;
  online = true;
  printed: string[] = [];

  async print(localCode: string): Promise<{ printed: true }> {
    const fault: ErrorKind | null = !this.online ? 'DeviceOffline' : this.coverOpen ? 'CoverOpen' : this.media === 'out' ? 'PaperOut' : this.media === 'jammed' ? 'PaperJam' : null;
    if (fault) throw kioskError(fault, `printer: ${fault}`);
    this.printed.push(localCode);
    return { printed: true };
  }

  loadPaper(): void {
    this.media = 'ok';
  }

  status(): DeviceStatus[] {
    return [
      {
        id: 'printer',
        state: !this.online ? 'offline' : this.coverOpen || this.media !== 'ok' ? 'userError' : 'online',
        implementation: 'simulator',
        media: this.media,
        since: '2026-01-05T02:31:00.000Z',
      },
    ];
  }
}
