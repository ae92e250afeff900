import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import type { Server, Socket } from 'node:net';
import { join } from 'node:path';
import { encodeRealtimeStatus } from '../../printer/escpos-status.js';
import { resolveReceiptFont } from '../../printer/receipt-font.js';
import type { ReceiptFont } from '../../printer/receipt-font.js';
import { EscPosDecoder } from './escpos-decoder.js';
import { previewText, renderPreview } from './receipt-preview.js';
import type { PrintedElement } from './receipt-preview.js';

// A network ESC/POS printer on loopback (raw TCP, like port 9100): answers DLE EOT from its
// state, prints each cut as a receipt (PNG + text), and throws jobs away when it could not
// print them, as a printer without paper would.

export interface PrinterSimState {
  paper: 'ok' | 'low' | 'out';
  online: boolean;
  coverOpen: boolean;
  /** a paper jam at the cutter */
  jammed: boolean;
  /** how long printing one receipt takes */
  slowMs: number;
}

export interface SimReceipt {
  seq: number;
  at: string;
  elements: PrintedElement[];
  text: string;
  png: Buffer;
}

export type SimEvent =
  | { type: 'receiving'; seq: number }
  | { type: 'printed'; seq: number }
  | { type: 'discarded'; seq: number; reason: string }
  | { type: 'status'; n: number; reply: number }
  | { type: 'unknown'; bytes: number[] };

export interface PrinterSimulatorOptions {
  /** 0 picks a free port */
  port?: number;
  host?: string;
  /** receipts kept in memory */
  keep?: number;
  widthDots?: number;
  font?: ReceiptFont;
  /** also write receipt-NNNN.png / .txt here */
  saveDir?: string;
  state?: Partial<PrinterSimState>;
}

export interface PrinterSimulator {
  readonly host: string;
  readonly port: number;
  state(): PrinterSimState;
  setState(patch: Partial<PrinterSimState>): void;
  receipts(): SimReceipt[];
  onReceipt(listener: (r: SimReceipt) => void): () => void;
  onEvent(listener: (e: SimEvent) => void): () => void;
  stats(): { printed: number; discarded: number; connections: number };
  close(): Promise<void>;
}

const cannotPrint = (s: PrinterSimState): string | undefined =>
  s.coverOpen ? 'cover open' : s.paper === 'out' ? 'out of paper' : s.jammed ? 'paper jam' : !s.online ? 'offline' : undefined;

export const startPrinterSimulator = async (opts: PrinterSimulatorOptions = {}): Promise<PrinterSimulator> => {
  const host = opts.host ?? '127.0.0.1';
  const keep = opts.keep ?? 20;
  const widthDots = opts.widthDots ?? 576;
  const font = opts.font ?? resolveReceiptFont();
  let state: PrinterSimState = { paper: 'ok', online: true, coverOpen: false, jammed: false, slowMs: 0, ...opts.state };
  const kept: SimReceipt[] = [];
  const receiptListeners = new Set<(r: SimReceipt) => void>();
  const eventListeners = new Set<(e: SimEvent) => void>();
  const sockets = new Set<Socket>();
  const counts = { printed: 0, discarded: 0, connections: 0 };
  let seq = 0;
  // receipts print one after another, whatever connection they came on
  let printing: Promise<void> = Promise.resolve();
  const emit = (e: SimEvent): void => eventListeners.forEach((l) => l(e));

  const statusByte = (n: number): number => {
    const reply = encodeRealtimeStatus({
      online: cannotPrint(state) === undefined,
      coverOpen: state.coverOpen,
      stoppedByPaperEnd: state.paper === 'out',
      errorOccurred: state.jammed,
      cutterError: state.jammed,
      paperNearEnd: state.paper !== 'ok',
      paperOut: state.paper === 'out',
    });
    return reply[n - 1] ?? 0x12;
  };

  const finish = (elements: PrintedElement[], mySeq: number): void => {
    printing = printing.then(async () => {
      if (state.slowMs > 0) await new Promise((r) => setTimeout(r, state.slowMs));
      // decided when the paper would have come out: paper that ran out meanwhile loses the job
      const why = cannotPrint(state);
      if (why) {
        counts.discarded++;
        emit({ type: 'discarded', seq: mySeq, reason: why });
        return;
      }
      const receipt: SimReceipt = { seq: mySeq, at: new Date().toISOString(), elements, text: previewText(elements), png: await renderPreview(elements, widthDots, font) };
      kept.push(receipt);
      kept.splice(0, Math.max(0, kept.length - keep));
      counts.printed++;
      if (opts.saveDir) {
        mkdirSync(opts.saveDir, { recursive: true });
        const base = join(opts.saveDir, `receipt-${String(mySeq).padStart(4, '0')}`);
        writeFileSync(`${base}.png`, receipt.png);
        writeFileSync(`${base}.txt`, receipt.text + '\n');
      }
      emit({ type: 'printed', seq: mySeq });
      receiptListeners.forEach((l) => l(receipt));
    });
  };

  const serve = (socket: Socket): void => {
    counts.connections++;
    sockets.add(socket);
    const decoder = new EscPosDecoder();
    let current: { seq: number; elements: PrintedElement[] } | undefined;
    const add = (e: PrintedElement): void => {
      if (!current) {
        current = { seq: ++seq, elements: [] };
        emit({ type: 'receiving', seq: current.seq });
      }
      current.elements.push(e);
    };
    socket.on('data', (chunk: Buffer) => {
      for (const ev of decoder.push(chunk)) {
        switch (ev.kind) {
          case 'status': {
            const reply = statusByte(ev.n);
            socket.write(Buffer.from([reply]));
            emit({ type: 'status', n: ev.n, reply });
            break;
          }
          case 'paperStatus':
            // not real-time: answered once what came before it has printed, never while stopped
            printing = printing.then(() => {
              if (cannotPrint(state) || socket.destroyed) return;
              socket.write(Buffer.from([state.paper === 'low' ? 0x03 : 0x00]));
            });
            break;
          case 'text':
            add({ kind: 'text', text: ev.text, style: ev.style, codePage: ev.codePage });
            break;
          case 'raster':
            add({ kind: 'raster', image: ev.image });
            break;
          case 'qr':
            add({ kind: 'qr', payload: ev.payload.toString('latin1'), cellSize: ev.cellSize });
            break;
          case 'barcode':
            add({ kind: 'barcode', data: ev.data });
            break;
          case 'feed':
            if (current) add({ kind: 'feed', lines: ev.lines });
            break;
          case 'cut':
            if (current) finish(current.elements, current.seq);
            current = undefined;
            break;
          case 'unknown':
            emit({ type: 'unknown', bytes: ev.bytes });
            break;
          default:
            break;
        }
      }
    });
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
  };

  const server: Server = createServer(serve);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : (opts.port ?? 0);

  return {
    host,
    port,
    state: () => ({ ...state }),
    setState: (patch) => {
      state = { ...state, ...patch };
    },
    receipts: () => [...kept],
    onReceipt: (l) => {
      receiptListeners.add(l);
      return () => receiptListeners.delete(l);
    },
    onEvent: (l) => {
      eventListeners.add(l);
      return () => eventListeners.delete(l);
    },
    stats: () => ({ ...counts }),
    close: async () => {
      // like pulling the plug: connections drop at once
      sockets.forEach((s) => s.destroy());
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
};
