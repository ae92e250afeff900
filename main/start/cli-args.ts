export interface StartArgs {
  site?: string;
  dataDir?: string;
  secrets?: string;
  port?: number;
  shell?: 'electron' | 'browser-host';
  noBrowser: boolean;
}

export type ParsedArgs = { ok: true; args: StartArgs } | { ok: false; message: string };

/** `--name=value` or `--name value`; unknown flags are refused so a typo is not silently ignored. */
export const parseStartArgs = (argv: readonly string[]): ParsedArgs => {
  const args: StartArgs = { noBrowser: false };
  for (let i = 0; i < argv.length; i++) {
    const raw = argv[i] ?? '';
    const [flag, inline] = raw.includes('=') ? [raw.slice(0, raw.indexOf('=')), raw.slice(raw.indexOf('=') + 1)] : [raw, undefined];
    const value = () => inline ?? argv[++i];
    switch (flag) {
      case '--site': args.site = value(); break;
      case '--data-dir': args.dataDir = value(); break;
      case '--secrets': args.secrets = value(); break;
      case '--port': {
        const v = Number(value());
        if (!Number.isInteger(v) || v < 0 || v > 65535) return { ok: false, message: '--port must be a whole number from 0 to 65535' };
        args.port = v;
        break;
      }
      case '--shell': {
        const v = value();
        if (v !== 'electron' && v !== 'browser-host') return { ok: false, message: '--shell must be electron or browser-host' };
        args.shell = v;
        break;
      }
      case '--no-browser':
      case '--headless':
        args.noBrowser = true;
        break;
      default:
        return { ok: false, message: `unknown option ${flag}; known: --site --data-dir --secrets --port --shell --no-browser` };
    }
  }
  return { ok: true, args };
};
