import { faultKinds, routeKeys, type FaultConfig, type FaultKind, type RouteFault, type RouteKey } from './faults.js';
import type { StatusStep } from './status-schedule.js';
import type { StatusCode } from '../../common/city/city-contract.js';

// `kiosk city-sim` arguments, parsed into simulator options (pure, so tests check it).

export interface CitySimArgs {
  port: number;
  host: string;
  dataDir: string;
  agency: string | undefined;
  tlsDir: string | undefined;
  bearerToken: string | undefined;
  faults: FaultConfig;
  statusSchedule: StatusStep[] | undefined;
}

export const citySimUsage = `usage: npm run kiosk -- city-sim [options]
  --port N                 listen port (default 8443; 0 = any free port)
  --host ADDR              listen address (default 127.0.0.1)
  --data-dir DIR           SQLite records and tus uploads (default var/city-sim)
  --agency CODE            agency code of official dossier codes (default 000.00.01.H26)
  --tls-dir DIR            HTTPS with DIR/server.crt + DIR/server.key; DIR/client-ca.crt
                           present = mutual TLS (kiosk certificates signed by it)
  --bearer TOKEN           require Authorization: Bearer TOKEN
  --fault ROUTE=RATE:KINDS e.g. createDossier=0.3:500,503,reset (repeatable; ROUTE may be *)
                           kinds: ${faultKinds.join(' ')}
  --seed N                 seed of the fault RNG (default 1)
  --offline                start with the city down (connections reset)
  --status-schedule LIST   afterMs:code,… e.g. 0:1,2000:2,5000:4,10000:9
`;

const isRoute = (s: string): s is RouteKey | '*' => s === '*' || (routeKeys as readonly string[]).includes(s);
const isKind = (s: string): s is FaultKind => (faultKinds as readonly string[]).includes(s);

export const parseFaultArg = (spec: string): { route: RouteKey | '*'; fault: RouteFault } | string => {
  const m = /^([^=]+)=([0-9.]+):(.+)$/.exec(spec);
  if (!m) return `--fault ${spec}: expected ROUTE=RATE:KIND[,KIND…]`;
  const [, route = '', rateText = '', kindsText = ''] = m;
  if (!isRoute(route)) return `--fault ${spec}: unknown route ${route} (one of ${routeKeys.join(', ')}, *)`;
  const rate = Number(rateText);
  if (!(rate >= 0 && rate <= 1)) return `--fault ${spec}: rate must be between 0 and 1`;
  const kinds = kindsText.split(',');
  const bad = kinds.find((k) => !isKind(k));
  if (bad !== undefined) return `--fault ${spec}: unknown kind ${bad} (one of ${faultKinds.join(', ')})`;
  return { route, fault: { rate, kinds: kinds.filter(isKind) } };
};

const parseSchedule = (text: string): StatusStep[] | string => {
  const steps: StatusStep[] = [];
  for (const part of text.split(',')) {
    const m = /^(\d+):(\d+)$/.exec(part);
    const code = Number(m?.[2]);
    if (!m || code < 1 || code > 10) return `--status-schedule: ${part} is not afterMs:code with code 1–10`;
    steps.push({ afterMs: Number(m[1]), code: code as StatusCode });
  }
  return steps;
};

export const parseCitySimArgs = (args: readonly string[]): CitySimArgs | string => {
  const out: CitySimArgs = { port: 8443, host: '127.0.0.1', dataDir: 'var/city-sim', agency: undefined, tlsDir: undefined, bearerToken: undefined, faults: {}, statusSchedule: undefined };
  const routes: NonNullable<FaultConfig['routes']> = {};
  for (let i = 0; i < args.length; i++) {
    const flag = args[i];
    if (flag === '--offline') {
      out.faults.offline = true;
      continue;
    }
    const value = args[i + 1];
    if (value === undefined) return `${flag} needs a value`;
    i++;
    switch (flag) {
      case '--port': {
        const p = Number(value);
        if (!Number.isInteger(p) || p < 0 || p > 65535) return `--port ${value}: not a port number`;
        out.port = p;
        break;
      }
      case '--host':
        out.host = value;
        break;
      case '--data-dir':
        out.dataDir = value;
        break;
      case '--agency':
        out.agency = value;
        break;
      case '--tls-dir':
        out.tlsDir = value;
        break;
      case '--bearer':
        out.bearerToken = value;
        break;
      case '--seed': {
        const s = Number(value);
        if (!Number.isInteger(s)) return `--seed ${value}: not an integer`;
        out.faults.seed = s;
        break;
      }
      case '--fault': {
        const f = parseFaultArg(value);
        if (typeof f === 'string') return f;
        routes[f.route] = f.fault;
        break;
      }
      case '--status-schedule': {
        const s = parseSchedule(value);
        if (typeof s === 'string') return s;
        out.statusSchedule = s;
        break;
      }
      default:
        return `unknown option ${flag}`;
    }
  }
  if (Object.keys(routes).length > 0) out.faults.routes = routes;
  return out;
};
