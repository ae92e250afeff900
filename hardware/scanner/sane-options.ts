// Parsers for scanimage's text output: the device list (`-f` with tab-separated fields) and a
// device's options (`-d DEV -A`). Pure functions, tested with the test backend's real output.

export interface SaneDevice {
  name: string;
  vendor: string;
  model: string;
  type: string;
}

/** The `-f` format the list is asked for: name, vendor, model, type, tab-separated. */
export const DEVICE_LIST_FORMAT = '%d\t%v\t%m\t%t%n';

export const parseDeviceList = (stdout: string): SaneDevice[] =>
  stdout
    .split('\n')
    .filter((l) => l.includes('\t'))
    .map((l) => {
      const [name = '', vendor = '', model = '', type = ''] = l.split('\t');
      return { name, vendor, model, type };
    })
    .filter((d) => d.name !== '');

export type ResolutionChoice = { kind: 'range'; min: number; max: number; step: number } | { kind: 'list'; values: number[] };

export interface SaneSource {
  /** the backend's own name, passed back to `--source` */
  name: string;
  role: 'flatbed' | 'feeder' | 'other';
}

export interface SaneDeviceOptions {
  sources: SaneSource[];
  modes: string[];
  resolutions: ResolutionChoice | undefined;
  /** largest scan area the backend allows (the test backend: 200 × 200 mm) */
  maxWidthMm: number | undefined;
  maxHeightMm: number | undefined;
  /** every option line as found: name → raw constraint and current value */
  raw: Record<string, { constraint: string; current: string }>;
}

// `    --mode Gray|Color [Gray]`, `    -x 0..200mm (in steps of 1) [80]`, `    --hand-scanner[=(yes|no)] [no]`
const OPTION_LINE = /^\s{2,}(--?[A-Za-z][\w-]*)(?:\[=\(([^)]*)\)\])?(?:\s+(.*?))?\s+\[([^\]]*)\]\s*$/;

export const parseDeviceOptions = (stdout: string): SaneDeviceOptions => {
  const raw: SaneDeviceOptions['raw'] = {};
  for (const line of stdout.split('\n')) {
    const m = OPTION_LINE.exec(line);
    if (!m) continue;
    const [, name = '', boolValues, constraint, current = ''] = m;
    raw[name.replace(/^-+/, '')] = { constraint: constraint ?? boolValues ?? '', current };
  }
  const list = (key: string): string[] => (raw[key]?.constraint ? raw[key].constraint.split('|').map((s) => s.trim()) : []);
  return {
    sources: list('source').map((name) => ({ name, role: sourceRole(name) })),
    modes: list('mode'),
    resolutions: raw.resolution ? parseResolution(raw.resolution.constraint) : undefined,
    maxWidthMm: rangeMax(raw.x?.constraint),
    maxHeightMm: rangeMax(raw.y?.constraint),
    raw,
  };
};

const sourceRole = (name: string): SaneSource['role'] =>
  /adf|feeder|automatic document/i.test(name) ? 'feeder' : /flatbed|platen|document table|^normal$/i.test(name) ? 'flatbed' : 'other';

// `1..1200dpi (in steps of 1)` or `75|150|300|600dpi`
export const parseResolution = (constraint: string): ResolutionChoice | undefined => {
  const range = /^(\d+(?:\.\d+)?)\.\.(\d+(?:\.\d+)?)\s*dpi(?:\s*\(in steps of (\d+(?:\.\d+)?)\))?/.exec(constraint);
  if (range) return { kind: 'range', min: Number(range[1]), max: Number(range[2]), step: Number(range[3] ?? 1) || 1 };
  const values = constraint.replace(/dpi.*$/, '').split('|').map(Number).filter((n) => Number.isFinite(n) && n > 0);
  return values.length ? { kind: 'list', values } : undefined;
};

const rangeMax = (constraint: string | undefined): number | undefined => {
  const m = constraint ? /^-?[\d.]+\.\.([\d.]+)\s*mm/.exec(constraint) : null;
  return m ? Number(m[1]) : undefined;
};

/** The supported resolution nearest to `wanted` (a backend refuses values off its list or steps). */
export const nearestResolution = (choice: ResolutionChoice | undefined, wanted: number): number => {
  if (!choice) return wanted;
  if (choice.kind === 'list') {
    return choice.values.reduce((best, v) => (Math.abs(v - wanted) < Math.abs(best - wanted) ? v : best), choice.values[0] ?? wanted);
  }
  const clamped = Math.min(choice.max, Math.max(choice.min, wanted));
  return choice.min + Math.round((clamped - choice.min) / choice.step) * choice.step;
};

/** The backend's name for a grey mode: `Gray`, `Grayscale`, `Grey`… */
export const greyMode = (modes: readonly string[]): string | undefined => modes.find((m) => /gr[ae]y/i.test(m));

/** The first source of a role, preferring a simplex feeder over a duplex one. */
export const sourceFor = (sources: readonly SaneSource[], role: 'flatbed' | 'feeder'): SaneSource | undefined => {
  const matching = sources.filter((s) => s.role === role);
  return matching.find((s) => !/duplex|back/i.test(s.name)) ?? matching[0];
};
