import type { Migration } from '../../outbox/migrations/migration.js';
import { j0001Initial } from './0001-initial.js';

/** Every journey-database migration, oldest first; a new one is a new file appended here. */
export const journeyMigrations: readonly Migration[] = [j0001Initial];
