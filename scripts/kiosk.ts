// Entry of `npm run kiosk`; the commands live in kiosk-cli.ts so tests can run them in-process.
import { runKiosk } from './kiosk-cli.js';

const stop = new Promise((resolve) => process.once('SIGINT', resolve).once('SIGTERM', resolve));
runKiosk(process.argv.slice(2), { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr }, stop).then((code) => process.exit(code));
