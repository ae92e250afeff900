import { isAppUrl } from './app-protocol.js';

/**
 * The only web permission the kiosk page gets, and only on app://kiosk. Element fullscreen
 * (a video in the attract loop) cannot take the page anywhere: the window is already a
 * fullscreen kiosk. Everything else is denied on purpose: devices (media, hid, serial, usb)
 * belong to the core, never to the page; clipboard would carry one resident's data to the
 * next; notifications, geolocation, openExternal and the rest reach outside the kiosk.
 */
export const allowedPermissions: ReadonlySet<string> = new Set(['fullscreen']);

/** For setPermissionRequestHandler (pass the requesting URL) and setPermissionCheckHandler (the origin). */
export const isPermissionAllowed = (permission: string, requestingOrigin: string): boolean =>
  allowedPermissions.has(permission) && isAppUrl(requestingOrigin);
