import { readFile } from 'node:fs/promises';
import { SerialQrReader } from '../id-reader/serial-qr-reader.js';
import type { Clock } from '../clock.js';
import type { Terminator } from '../id-reader/qr-frame-decoder.js';
import type { ByteTransport } from '../transport/byte-transport.js';
import { FakeLink } from '../transport/fake-transport.js';

// A QR reader that "presents" synthetic cards: it writes what a real reader would send
// (payload + terminator) into the device end of a link, a pty or a fake one, so the adapter
// under test or in the embedded default runs its real decoder and parser.

export interface CccdSample {
  expect: 'valid' | 'invalid';
  why: string;
  payload: string;
}

/** The samples file: a header `expect\twhy\tpayload`, then one card per line. */
export const parseCccdSamples = (tsv: string): CccdSample[] =>
  tsv
    .split(/\r?\n/)
    .slice(1)
    .filter((line) => line.trim() !== '')
    .map((line, i) => {
      const [expect, why, ...rest] = line.split('\t');
      if ((expect !== 'valid' && expect !== 'invalid') || why === undefined || rest.length === 0) {
        throw new Error(`samples line ${i + 2}: expected "valid|invalid<TAB>why<TAB>payload"`);
      }
      return { expect, why, payload: rest.join('\t') };
    });

/** Reads kiosk-config/samples/cccd-qr.tsv (or any file of the same shape). */
export const loadCccdSamples = async (path: string): Promise<CccdSample[]> => parseCccdSamples(await readFile(path, 'utf8'));

const terminatorBytes: Record<Terminator, string> = { CR: '\r', LF: '\n', CRLF: '\r\n' };

// bytes a reader sends when it misreads: invalid UTF-8, a NUL, a half frame
const garbage = Uint8Array.from([0xff, 0xfe, 0x00, 0xc3, 0x28, 0x80, 0x30, 0x30, 0x31]);

export interface IdReaderSimulatorOptions {
  /** the device end: the other side of a pty (a SerialTransport) or FakeLink.device */
  transport: ByteTransport;
  terminator: Terminator;
  samples?: readonly CccdSample[];
}

export class IdReaderSimulator {
  readonly #transport: ByteTransport;
  readonly #terminator: string;
  readonly samples: readonly CccdSample[];

  constructor({ transport, terminator, samples = [] }: IdReaderSimulatorOptions) {
    this.#transport = transport;
    this.#terminator = terminatorBytes[terminator];
    this.samples = samples;
  }

  async open(): Promise<void> {
    if (!this.#transport.isOpen) await this.#transport.open();
  }

  /** a card held under the reader: a payload, or the index of a sample row */
  async present(card: string | number): Promise<void> {
    const payload = typeof card === 'number' ? this.samples[card]?.payload : card;
    if (payload === undefined) throw new RangeError(`no sample ${String(card)} (have ${this.samples.length})`);
    await this.#transport.write(new TextEncoder().encode(payload + this.#terminator));
  }

  /** a misread: bytes that are not a card, then the terminator */
  async presentGarbage(): Promise<void> {
    const tail = new TextEncoder().encode(this.#terminator);
    const bytes = new Uint8Array(garbage.length + tail.length);
    bytes.set(garbage, 0);
    bytes.set(tail, garbage.length);
    await this.#transport.write(bytes);
  }

  async close(): Promise<void> {
    await this.#transport.close();
  }
}

export interface SimulatedIdReader {
  reader: SerialQrReader;
  simulator: IdReaderSimulator;
  link: FakeLink;
}

/** The embedded default's reader: the real adapter over an in-memory link to the simulator. */
export const createSimulatedIdReader = (options: { samples: readonly CccdSample[]; terminator?: Terminator; clock?: Clock }): SimulatedIdReader => {
  const terminator = options.terminator ?? 'CR';
  const link = new FakeLink({ name: 'id-reader-sim' });
  const reader = new SerialQrReader({ openTransport: () => link.host, terminator, implementation: 'simulator', clock: options.clock });
  const simulator = new IdReaderSimulator({ transport: link.device, terminator, samples: options.samples });
  return { reader, simulator, link };
};
