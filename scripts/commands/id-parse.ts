// `kiosk id parse <payload|->`: checks a CCCD QR payload the way the kiosk does and prints
// the identity (exit 0) or the typed refusal (exit 1) as JSON, for technicians and scripts.
import { parseCccdQr } from '../../common/cccd/parse-cccd-qr.js';

export interface CommandIo {
  stdin: AsyncIterable<string | Uint8Array>;
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

const usage = 'usage: kiosk id parse <payload>   (payload "-" reads it from stdin; quote it: it contains |)\n';

const readAll = async (stdin: AsyncIterable<string | Uint8Array>): Promise<string> => {
  const decoder = new TextDecoder();
  let text = '';
  for await (const chunk of stdin) text += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
  return text + decoder.decode();
};

/** `args` are the words after `id parse`. */
export const runIdParse = async (args: string[], io: CommandIo): Promise<number> => {
  const [payloadArg, ...extra] = args;
  if (payloadArg === undefined || extra.length > 0) {
    io.stderr.write(usage);
    return 2;
  }
  const payload = payloadArg === '-' ? await readAll(io.stdin) : payloadArg;
  const result = parseCccdQr(payload);
  if (result.ok) {
    io.stdout.write(JSON.stringify(result.value, null, 2) + '\n');
    return 0;
  }
  io.stderr.write(JSON.stringify(result.error, null, 2) + '\n');
  return 1;
};
