import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileKeyProvider } from '../../main/outbox/key-provider.js';
import { Outbox, type OutboxOptions } from '../../main/outbox/outbox.js';
import type { EnqueueInput } from '../../main/outbox/outbox-types.js';
import { FakeClock } from './fake-clock.js';

// A resident whose data the PII scans look for: the name has combining-mark variants (NFC vs
// NFD bytes differ), the ID number and address are distinctive.
export const resident = {
  idNumber: '001090123456',
  fullName: 'Nguyễn Thị Hồng Nhung',
  address: '12 Lê Thánh Tôn, phường Bến Nghé, Thành phố Hồ Chí Minh',
  phone: '0912345678',
  email: 'hong.nhung@example.vn',
};

export const sampleInput = (pages = 2, pageBytes = 4096): EnqueueInput => ({
  procedureCode: '1.000894',
  channel: 'kiosk',
  submission: {
    procedureCode: '1.000894',
    siteId: 'HCM-BENNGHE',
    channel: 'kiosk',
    applicant: {
      idNumber: resident.idNumber,
      fullName: resident.fullName,
      dateOfBirth: '1990-04-12',
      sex: 'female',
      address: resident.address,
      phone: resident.phone,
      email: resident.email,
      identitySource: 'qr',
    },
    form: { reason: 'Chuyển nơi ở', household: 'Hộ ông Trần Văn Bình', hostAddress: resident.address },
    delivery: { method: 'postal', address: resident.address, recipientName: resident.fullName, phone: resident.phone },
    consent: { version: '2026-01', purposes: ['process-dossier'], givenAt: '2026-11-24T08:00:00Z' },
  },
  attachments: Array.from({ length: pages }, (_, i) => ({
    componentId: `TP${i + 1}`,
    fileName: `trang-${i + 1}.pdf`,
    mediaType: 'application/pdf' as const,
    bytes: randomBytes(pageBytes),
  })),
});

export interface OutboxFixture {
  dir: string;
  clock: FakeClock;
  open(extra?: Partial<OutboxOptions>): Promise<Outbox>;
  cleanup(): Promise<void>;
}

/** A temp outbox folder with a file key; `open` can be called again to simulate a restart. */
export async function outboxFixture(start?: number): Promise<OutboxFixture> {
  const dir = await mkdtemp(join(tmpdir(), 'outbox-'));
  const clock = new FakeClock(start);
  return {
    dir,
    clock,
    async open(extra = {}) {
      const r = await Outbox.open({ dir: join(dir, 'data'), kioskId: 'K0007', keyProvider: fileKeyProvider(join(dir, 'keys', 'outbox.key')), clock, ...extra });
      if (!r.ok) throw new Error(`open failed: ${r.error.kind} ${r.error.message}`);
      return r.value;
    },
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}
