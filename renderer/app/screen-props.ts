import type { MessageKey, MessageParams } from '../i18n/index.js';
import type { RootContext, UserEvent } from '../machines/root-types.js';

export type Translate = (key: MessageKey, params?: MessageParams) => string;

/** What every screen gets: the machine's context to read, `send` for user events, words. */
export interface ScreenProps {
  context: RootContext;
  send: (event: UserEvent) => void;
  tr: Translate;
}
