import type { Session } from 'electron';
import type { Logger } from '../log/logger.js';
import { buildCsp, withCspHeader } from './csp.js';
import { isResourceRequestAllowed, urlForLog } from './navigation.js';
import { isPermissionAllowed } from './permissions.js';

/** Session-wide lockdown: only app:// requests, our CSP on every response, no permissions, no downloads. */
export const hardenSession = (ses: Session, log: Logger): void => {
  const csp = buildCsp();

  ses.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isResourceRequestAllowed(details.url);
    if (!allowed) log.warn('electron', 'request blocked', { url: urlForLog(details.url), resourceType: details.resourceType });
    callback({ cancel: !allowed });
  });
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withCspHeader(details.responseHeaders ?? {}, csp) });
  });

  ses.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const allowed = isPermissionAllowed(permission, details.requestingUrl);
    if (!allowed) log.warn('electron', 'permission denied', { permission, origin: urlForLog(details.requestingUrl) });
    callback(allowed);
  });
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin) => isPermissionAllowed(permission, requestingOrigin));
  // WebHID, WebSerial and WebUSB: the devices are the core's, never the page's
  ses.setDevicePermissionHandler(() => false);

  ses.on('will-download', (event) => {
    event.preventDefault();
    log.warn('electron', 'download refused');
  });
  // no dictionary downloads from Google, no red underlines under residents' names
  ses.setSpellCheckerEnabled(false);
};
