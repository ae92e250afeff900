import { chmod, mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hashPin, verifyPin } from '../../../main/config/pin-hash.js';
import { ensureDevSecrets, loadSecrets } from '../../../main/config/secrets.js';
import { withTmpDir } from './site-fixtures.js';

const posix = process.platform !== 'win32';

async function writeSecrets(file: string, body: unknown, mode = 0o600): Promise<void> {
  await writeFile(file, typeof body === 'string' ? body : JSON.stringify(body), { mode });
  await chmod(file, mode);
}

// hashes are made here, at test time: no PIN or hash lives in the repo
const validSecrets = async () => ({
  pins: {
    technician: [{ id: 'tech-1', hash: await hashPin('135790', { N: 1024 }) }],
    officer: [{ id: 'officer-1', hash: await hashPin('246801', { N: 1024 }) }],
  },
  city: { bearerToken: 'file-token', caFile: '/etc/kiosk/city-ca.pem' },
});

describe('loadSecrets', () => {
  it('refuses a missing file, naming it', async () => {
    await withTmpDir(async (dir) => {
      const file = join(dir, 'secrets.json');
      const result = await loadSecrets(file, {});
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.reason).toBe('missing');
      expect(result.error.message).toMatch(new RegExp(`^${file}: file not found; create it`));
    });
  });

  it('treats a missing file as "no PINs" when allowed', async () => {
    await withTmpDir(async (dir) => {
      const result = await loadSecrets(join(dir, 'secrets.json'), { KIOSK_CITY_TOKEN: 'env-token' }, { allowMissing: true });
      expect(result).toEqual({ ok: true, value: { pins: { technician: [], officer: [] }, city: { bearerToken: 'env-token' } } });
    });
  });

  it.skipIf(!posix)('refuses a file other users can read, and says how to fix it', async () => {
    await withTmpDir(async (dir) => {
      const file = join(dir, 'secrets.json');
      for (const mode of [0o644, 0o640, 0o604, 0o620]) {
        await writeSecrets(file, await validSecrets(), mode);
        const result = await loadSecrets(file, {});
        expect(result.ok, mode.toString(8)).toBe(false);
        if (result.ok) continue;
        expect(result.error.reason).toBe('insecureMode');
        expect(result.error.message).toContain(`mode 0${mode.toString(8)}`);
        expect(result.error.message).toContain(`chmod 600 ${file}`);
      }
      await chmod(file, 0o600);
      expect((await loadSecrets(file, {})).ok).toBe(true);
    });
  });

  it('reports bad JSON with its line', async () => {
    await withTmpDir(async (dir) => {
      const file = join(dir, 'secrets.json');
      await writeSecrets(file, '{\n  "pins": {\n    "technician": [,]\n  }\n}');
      const result = await loadSecrets(file, {});
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.reason).toBe('notJson');
      expect(result.error.message).toBe(`${file}: is not valid JSON at line 3, column 20: Unexpected token ','`);
    });
  });

  it('refuses a directory', async () => {
    await withTmpDir(async (dir) => {
      const file = join(dir, 'secrets.json');
      await mkdir(file, { mode: 0o700 });
      const result = await loadSecrets(file, {}, { allowMissing: true });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.reason).toBe('notAFile');
    });
  });

  it('names each broken field', async () => {
    await withTmpDir(async (dir) => {
      const file = join(dir, 'secrets.json');
      await writeSecrets(file, { pins: { technician: [{ id: 'tech 1', hash: '123456' }] }, city: { token: 'x' } });
      const result = await loadSecrets(file, {});
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.reason).toBe('invalid');
      const byPath = Object.fromEntries(result.error.issues.map((i) => [i.path, i.rule]));
      expect(byPath['pins.technician.0.id']).toMatch(/letters, digits/);
      expect(byPath['pins.technician.0.hash']).toMatch(/scrypt\$N\$r\$p\$salt\$key/);
      expect(byPath['pins.officer']).toBe('is required');
      expect(byPath['city.token']).toMatch(/unknown field/);
    });
  });

  it('refuses two PINs with the same id in a role', async () => {
    await withTmpDir(async (dir) => {
      const file = join(dir, 'secrets.json');
      const s = await validSecrets();
      s.pins.officer.push({ id: 'officer-1', hash: s.pins.technician[0]?.hash ?? '' });
      await writeSecrets(file, s);
      const result = await loadSecrets(file, {});
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.issues).toEqual([{ path: 'pins.officer', rule: 'must not use the same id twice' }]);
    });
  });

  it('loads a valid file; KIOSK_CITY_TOKEN overrides the token, an empty one does not', async () => {
    await withTmpDir(async (dir) => {
      const file = join(dir, 'secrets.json');
      await writeSecrets(file, await validSecrets());
      const plain = await loadSecrets(file, {});
      if (!plain.ok) throw new Error(plain.error.message);
      expect(plain.value.pins.technician[0]?.id).toBe('tech-1');
      expect(await verifyPin('135790', plain.value.pins.technician[0]?.hash ?? '')).toBe(true);
      expect(plain.value.city).toEqual({ bearerToken: 'file-token', caFile: '/etc/kiosk/city-ca.pem' });

      const overridden = await loadSecrets(file, { KIOSK_CITY_TOKEN: 'env-token' });
      expect(overridden.ok && overridden.value.city).toEqual({ bearerToken: 'env-token', caFile: '/etc/kiosk/city-ca.pem' });
      const empty = await loadSecrets(file, { KIOSK_CITY_TOKEN: '' });
      expect(empty.ok && empty.value.city?.bearerToken).toBe('file-token');
    });
  });
});

describe('ensureDevSecrets', () => {
  it('creates a private secrets file once and returns its distinct PINs', async () => {
    await withTmpDir(async (dir) => {
      const file = join(dir, 'state', 'secrets.json');
      const pins = await ensureDevSecrets(file);
      if (!pins) throw new Error('expected fresh PINs');
      expect(pins.technician).toMatch(/^[0-9]{6}$/);
      expect(pins.officer).toMatch(/^[0-9]{6}$/);
      expect(pins.officer).not.toBe(pins.technician);
      if (posix) expect((await stat(file)).mode & 0o777).toBe(0o600);

      const text = await readFile(file, 'utf8');
      expect(text).not.toContain(pins.technician);
      expect(text).not.toContain(pins.officer);

      // the loader accepts what was written (schema and mode), and the PINs match their roles only
      const loaded = await loadSecrets(file, {});
      if (!loaded.ok) throw new Error(loaded.error.message);
      const tech = loaded.value.pins.technician[0]?.hash ?? '';
      const officer = loaded.value.pins.officer[0]?.hash ?? '';
      expect(await verifyPin(pins.technician, tech)).toBe(true);
      expect(await verifyPin(pins.officer, officer)).toBe(true);
      expect(await verifyPin(pins.officer, tech)).toBe(false);

      expect(await ensureDevSecrets(file)).toBeNull();
      expect(await readFile(file, 'utf8')).toBe(text);
      // the atomic write leaves no temp file behind
      expect(await readdir(join(dir, 'state'))).toEqual(['secrets.json']);
    });
  });

  it('leaves an existing file alone, whatever it holds', async () => {
    await withTmpDir(async (dir) => {
      const file = join(dir, 'secrets.json');
      await writeSecrets(file, 'operator-managed');
      expect(await ensureDevSecrets(file)).toBeNull();
      expect(await readFile(file, 'utf8')).toBe('operator-managed');
    });
  });
});
