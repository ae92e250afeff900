import { describe, expect, it } from 'vitest';
import { allowedPermissions, isPermissionAllowed } from '../../../main/electron/permissions.js';

describe('isPermissionAllowed', () => {
  it('keeps the allow-list to element fullscreen', () => {
    expect([...allowedPermissions]).toEqual(['fullscreen']);
  });

  it('grants it to our origin, as an origin or as a page URL', () => {
    expect(isPermissionAllowed('fullscreen', 'app://kiosk')).toBe(true);
    expect(isPermissionAllowed('fullscreen', 'app://kiosk/index.html')).toBe(true);
  });

  it('refuses it to any other origin', () => {
    for (const origin of ['app://kiosk.evil', 'app://kiosk@evil', 'https://kiosk', 'file://', 'null', '']) {
      expect(isPermissionAllowed('fullscreen', origin), origin).toBe(false);
    }
  });

  it.each(['media', 'clipboard-read', 'clipboard-sanitized-write', 'notifications', 'geolocation', 'openExternal', 'hid', 'serial', 'usb', 'display-capture', 'pointerLock', 'unknown'])(
    'denies %s even to our origin',
    (permission) => expect(isPermissionAllowed(permission, 'app://kiosk')).toBe(false),
  );
});
