import type { KioskEvent } from '../../common/kiosk-api/events.js';

export type EventListener = (event: KioskEvent) => void;

/** Fan-out of core events to every connected shell; a failing listener never stops the others. */
export class EventBus {
  readonly #listeners = new Set<EventListener>();

  subscribe(listener: EventListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  emit(event: KioskEvent): void {
    for (const listener of this.#listeners) {
      try {
        listener(event);
      } catch {
        // a broken socket or window must not stop the others from hearing the event
      }
    }
  }

  get size(): number {
    return this.#listeners.size;
  }
}
