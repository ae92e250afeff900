import { m0001Initial } from './0001-initial.js';
import { m0002Events } from './0002-events.js';
import { m0003SubmitRound } from './0003-submit-round.js';
import type { Migration } from './migration.js';

/** Every migration, oldest first; a new one is a new file appended here. */
export const migrations: readonly Migration[] = [m0001Initial, m0002Events, m0003SubmitRound];
