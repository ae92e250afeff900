import { parseCccdQr } from '../../common/cccd/parse-cccd-qr.js';
import type { ReaderRead } from '../../common/kiosk-api/events.js';
import type { FrameEvent } from '../../hardware/id-reader/qr-frame-decoder.js';
import type { SerialQrReader } from '../../hardware/id-reader/serial-qr-reader.js';
import type { EventBus } from '../core/event-bus.js';
import type { JourneyJournal } from '../core/journey-journal.js';
import type { Logger } from '../log/logger.js';
import type { SessionManager } from '../sessions/session-manager.js';
import { isTrackingCode, normalizeCode } from './tracking-code.js';

/** What a frame from the QR reader is to the journey: a card, a receipt's code, or nothing usable. */
export const classifyFrame = (frame: FrameEvent, now: number): ReaderRead => {
  // bytes that were not text at all (a misread, a half frame): no parser rule applies
  if (frame.kind !== 'frame') return { kind: 'invalid', field: 'payload', rule: 'unreadable' };
  if (isTrackingCode(frame.text)) return { kind: 'trackingCode', code: normalizeCode(frame.text) };
  const card = parseCccdQr(frame.text, { today: new Date(now), source: 'qr' });
  return card.ok ? { kind: 'identity', identity: card.value } : { kind: 'invalid', field: card.error.field, rule: card.error.rule };
};

export interface ReaderEventDeps {
  reader: Pick<SerialQrReader, 'onFrame'> | null;
  sessions: Pick<SessionManager, 'current'>;
  bus: EventBus;
  journal: JourneyJournal;
  now: () => number;
  log: Pick<Logger, 'info'>;
}

/**
 * Forwards what the QR reader reads to the renderer as `reader.read`, only while a session
 * is live: a card held to an idle kiosk is not broadcast to anyone. Returns the unsubscribe.
 */
export const forwardReaderReads = (d: ReaderEventDeps): (() => void) => {
  if (!d.reader) return () => undefined;
  return d.reader.onFrame((frame) => {
    const session = d.sessions.current;
    if (!session) return;
    const now = d.now();
    const read = classifyFrame(frame, now);
    d.bus.emit({ type: 'reader.read', sessionId: session.id, read });
    if (read.kind === 'identity') d.journal.emit({ type: 'identity.captured', sessionId: session.id, source: 'qr', at: now });
    // the kind only: a card's content never goes into a log line
    d.log.info('reader', 'read during a session', read.kind === 'invalid' ? { kind: read.kind, field: read.field, rule: read.rule } : { kind: read.kind });
  });
};
