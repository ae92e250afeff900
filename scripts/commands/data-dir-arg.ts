import { join, resolve } from 'node:path';

// Where the kiosk keeps its state, found as main/start/main.ts finds it: --data-dir, else
// KIOSK_DATA_DIR, else var/ in the repository. Used by the commands that read that state.

export interface DataDirArgs {
  dataDir: string;
  secretsPath: string;
  rest: string[];
}

export const takeDataDirArgs = (args: readonly string[], repoRoot: string, env: NodeJS.ProcessEnv = process.env): DataDirArgs => {
  const rest: string[] = [];
  let dataDir: string | undefined;
  let secrets: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a === '--data-dir') dataDir = args[++i];
    else if (a.startsWith('--data-dir=')) dataDir = a.slice('--data-dir='.length);
    else if (a === '--secrets') secrets = args[++i];
    else if (a.startsWith('--secrets=')) secrets = a.slice('--secrets='.length);
    else rest.push(a);
  }
  const dir = resolve(dataDir ?? env.KIOSK_DATA_DIR ?? join(repoRoot, 'var'));
  return { dataDir: dir, secretsPath: resolve(secrets ?? env.KIOSK_SECRETS_FILE ?? join(dir, 'secrets.json')), rest };
};

/** `--name value` or `--name=value` from a list, and the list without it. */
export const takeOption = (args: readonly string[], name: string): { value: string | undefined; rest: string[] } => {
  const rest: string[] = [];
  let value: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a === name) value = args[++i] ?? '';
    else if (a.startsWith(`${name}=`)) value = a.slice(name.length + 1);
    else rest.push(a);
  }
  return { value, rest };
};

/** `--flag` present? and the list without it. */
export const takeFlag = (args: readonly string[], name: string): { on: boolean; rest: string[] } => ({
  on: args.includes(name),
  rest: args.filter((a) => a !== name),
});
