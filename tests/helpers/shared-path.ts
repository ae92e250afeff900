import { join, resolve } from 'node:path';

// ../shared sits beside the repository, here and in CI's fresh clone.
export const sharedDir = resolve(import.meta.dirname, '..', '..', '..', 'shared');
export const sharedPath = (...parts: string[]): string => join(sharedDir, ...parts);
