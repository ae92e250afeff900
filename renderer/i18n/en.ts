import type { Messages } from './vi.js';
import { enJourney } from './areas/journey.js';
import { enSubmit } from './areas/submit.js';
import { enScanReceipt } from './areas/scan-receipt.js';
import { enGuideTrack } from './areas/guide-track.js';
import { enDiagnostics } from './areas/diagnostics.js';

// English for visitors; same keys as vi.ts (a missing or extra key does not compile).
export const en: Messages = {
  'app.title': 'Public services kiosk',
  'corner.label': 'Technician area',

  'booting.title': 'The kiosk is starting…',
  'booting.body': 'Please wait a moment.',
  'outOfService.title': 'This kiosk is out of service',
  'outOfService.body': 'We are fixing it. You can go to the one-stop counter of your ward or commune, or come back later.',
  'outOfService.retry': 'Try again',
  'outOfService.autoRetry': 'The kiosk will try again in a few seconds.',

  'attract.touchToStart': 'Touch the screen to start',
  'attract.starting': 'Opening…',
  'attract.startFailed': 'Could not open. Please touch again.',

  'home.greeting': 'Hello! What would you like to do?',
  'home.choice.submit': 'Submit a dossier',
  'home.choice.submit.hint': 'Apply for an administrative procedure',
  'home.choice.track': 'Track a dossier',
  'home.choice.track.hint': 'See which step your dossier has reached',
  'home.choice.guide': 'Procedure guide',
  'home.choice.guide.hint': 'Which papers, where to apply, how long it takes',
  'home.choice.rate': 'Rate our service',
  'home.choice.rate.hint': 'Tell us how we served you',
  'home.choice.help': 'Help',
  'home.choice.help.hint': 'Phone number and how to get help',
  'home.language': 'Language',
  'home.end': 'End',

  'locale.vi': 'Tiếng Việt',
  'locale.en': 'English',

  'notAvailable.title': 'This service is not available on this kiosk yet',
  'notAvailable.stillWorks': 'You can still:',
  'notAvailable.online': 'Submit and track dossiers online at dichvucong.gov.vn',
  'notAvailable.counter': 'Ask at the one-stop counter of your ward or commune',
  'notAvailable.hotline': 'Call the help line: {phone} ({hours})',
  'common.back': 'Back',

  'idle.title': 'Are you still there?',
  'idle.countdown': 'The session ends in {seconds} seconds',
  'idle.privacy': 'When it ends, everything you entered on this kiosk is erased.',
  'idle.stillHere': "I'm still here",

  'disconnected.title': 'This kiosk is out of service',
  'disconnected.body': 'Reconnecting, please wait…',

  'ending.title': 'Ending the session…',

  'pin.title': 'Technician mode',
  'pin.prompt': 'Enter PIN',
  'pin.role.technician': 'Technician',
  'pin.role.officer': 'One-stop officer',
  'pin.clear': 'Clear',
  'pin.submit': 'OK',
  'pin.cancel': 'Cancel',
  'pin.checking': 'Checking…',
  'pin.digitsEntered': '{count} digits entered',
  'pin.rejected': 'Wrong PIN. Please try again.',
  'pin.lockedSeconds': 'Too many wrong attempts. Please wait {seconds} seconds and try again.',
  'pin.lockedMinutes': 'Too many wrong attempts. Please wait {minutes} minutes and try again.',

  'error.UnknownMethod': 'The kiosk has a software fault. Please call the help line.',
  'error.InvalidArguments': 'Some details are not valid. Please check them and try again.',
  'error.Internal': 'The kiosk ran into a problem. Please try again or call the help line.',
  'error.NotAvailable': 'This is not available right now. Please go to the one-stop counter.',
  'error.SessionNotFound': 'Your session has expired. Please start again.',
  'error.PinRejected': 'Wrong PIN. Please try again.',
  'error.PinLocked': 'Too many wrong attempts. Please wait and try again.',
  'error.ConfigInvalid': 'The kiosk is being set up. Please come back later.',
  'error.DeviceOffline': 'A device is out of order. Please try later or go to the one-stop counter.',
  'error.TransportClosed': 'The kiosk is reconnecting. Please wait a moment.',
  'error.NoDevice': 'This kiosk does not have that device. Please go to the one-stop counter.',
  'error.DeviceBusy': 'The device is busy. Please wait a moment and try again.',
  'error.PaperOut': 'The printer is out of paper. Please tell an officer or call the help line.',
  'error.PaperJam': 'The printer has a paper jam. Please tell an officer or call the help line.',
  'error.CoverOpen': 'A device cover is open. Please close it and try again.',
  'error.FeederEmpty': 'The scanner tray is empty. Please put your papers in the tray and try again.',
  'error.ScanJam': 'Paper is stuck in the scanner. Please remove it and try again.',
  'error.DeviceTimeout': 'The device did not respond. Please try again.',
  'error.Cancelled': 'Cancelled.',
  'error.InvalidIdPayload': 'The ID card could not be read. Please place it again or type the ID number.',
  'error.NotAuthorized': 'This function is for technicians only.',
  'error.DiskFull': 'The kiosk cannot accept more dossiers right now. Please submit at the one-stop counter or try later.',
  'error.OutboxIo': 'The kiosk could not save the dossier. Please try again or go to the one-stop counter.',
  'error.InvalidDossier': 'The dossier is missing some information. Please check the steps again.',
  'error.DossierNotFound': 'No dossier has this code. Please check the code on your receipt.',
  'error.InvalidState': 'This action does not apply right now. Please refresh and try again.',
  'error.ExportFailed': 'The files could not be written to the chosen folder. Please check the USB drive has room and is not write-protected.',

  ...enJourney,
  ...enSubmit,
  ...enScanReceipt,
  ...enGuideTrack,
  ...enDiagnostics,
};
