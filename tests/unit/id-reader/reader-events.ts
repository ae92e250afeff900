// Promises for the reader's events, so tests await what happens instead of sleeping.
import type { DeviceState } from '../../../common/domain/device-status.js';
import type { CardResult, SerialQrReader } from '../../../hardware/id-reader/serial-qr-reader.js';

export const nextCard = (reader: SerialQrReader): Promise<CardResult> =>
  new Promise((resolve) => {
    const off = reader.onCard((card) => {
      off();
      resolve(card);
    });
  });

export const cards = (reader: SerialQrReader, count: number): Promise<CardResult[]> =>
  new Promise((resolve) => {
    const seen: CardResult[] = [];
    const off = reader.onCard((card) => {
      seen.push(card);
      if (seen.length === count) {
        off();
        resolve(seen);
      }
    });
  });

export const stateReached = (reader: SerialQrReader, state: DeviceState): Promise<void> =>
  reader.status().state === state
    ? Promise.resolve()
    : new Promise((resolve) => {
        const off = reader.onStatus((s) => {
          if (s.state !== state) return;
          off();
          resolve();
        });
      });
