import type { Db } from '../../db/sqlite-db.js';
import type { StatusStep } from '../status-schedule.js';
import type { CatalogEntry } from '../procedure-catalog.js';

/** What the route handlers share: the records, the time and the city's settings. */
export interface RouteContext {
  db: Db;
  now(): number;
  /** agency code, the first part of official codes */
  agency: string;
  schedule: readonly StatusStep[];
  catalog: readonly CatalogEntry[];
}
