import type { Sql } from '../../db/sqlite-db.js';

/** One schema step; `version` becomes the database's user_version once `up` commits. */
export interface Migration {
  version: number;
  name: string;
  up(tx: Sql): Promise<void>;
}
