import { e2ePins } from './e2e-env.js';
import { expect, test } from './kiosk-fixture.js';
import { vi } from './journey-steps.js';

// Five wrong PINs lock PIN entry, for every role, for five minutes on the core's clock — for the
// rest of the host's life: this spec gets a browser host of its own (`privateHost`). The expiry itself cannot be waited for
// here: the core takes no shorter lockout from the site config or the environment, and its
// clock is the real one (reported; main/auth/operator-auth.ts has `lockoutMs`, main/app.ts
// does not pass it).

test.use({ privateHost: true });

test('five wrong PINs lock PIN entry; the right PIN is refused while locked, with the wait in words', async ({ kiosk }) => {
  await kiosk.open();
  const pad = kiosk.screen('pinPad');
  for (let i = 0; i < 5; i++) {
    if (i === 0) await kiosk.unlock('9999');
    else {
      for (const d of '9999') await pad.getByRole('button', { name: d, exact: true }).tap();
      await pad.getByRole('button', { name: vi('pin.submit'), exact: true }).tap();
    }
    await expect(pad.getByRole('alert')).not.toHaveText('');
  }
  await expect(pad.getByRole('alert')).toHaveText(/Nhập sai quá nhiều lần/);
  // the right PIN now: still locked
  for (const d of e2ePins.technician) await pad.getByRole('button', { name: d, exact: true }).tap();
  await pad.getByRole('button', { name: vi('pin.submit'), exact: true }).tap();
  await expect(pad.getByRole('alert')).toHaveText(/Nhập sai quá nhiều lần.*(phút|giây)/);
  await expect(kiosk.page.locator('[data-screen^="diag."]')).toHaveCount(0);
  await kiosk.snap('pin-locked');
  // the lock holds for the officer too
  await pad.getByRole('button', { name: /^(Cán bộ một cửa)$/ }).tap();
  for (const d of e2ePins.officer) await pad.getByRole('button', { name: d, exact: true }).tap();
  await pad.getByRole('button', { name: vi('pin.submit'), exact: true }).tap();
  await expect(pad.getByRole('alert')).toHaveText(/Nhập sai quá nhiều lần/);
  await pad.getByRole('button', { name: vi('pin.cancel'), exact: true }).tap();
  await expect(kiosk.screen('attract')).toBeVisible();
});
