import type { Input } from 'electron';

/** The part of Electron's before-input-event Input the guard reads. */
export type GuardInput = Pick<Input, 'key' | 'code' | 'control' | 'meta' | 'alt' | 'shift'>;

// Ctrl on Linux and Windows, Cmd on macOS: both act as the browser's accelerator key.
const accelerator = (i: GuardInput): boolean => i.control || i.meta;

/** Letter of a key, by physical position first so another keyboard layout cannot slip past. */
const letter = (i: GuardInput): string => (/^Key[A-Z]$/.test(i.code) ? i.code.slice(3) : i.key.length === 1 ? i.key.toUpperCase() : '');

// Accelerator + letter: reload (R), close (W), print (P), save (S), open (O), new window and tab
// (N, T), view source (U), find (F, G), history and downloads (H, J), location bar (L),
// bookmark (D), quit (Q), hide and minimise on macOS (H, M).
const blockedWithAccelerator = new Set(['R', 'W', 'P', 'S', 'O', 'N', 'T', 'U', 'F', 'G', 'H', 'J', 'L', 'D', 'Q', 'M']);
// With Ctrl+Shift or Cmd+Alt: the DevTools panels (I, J, C).
const devToolsLetters = new Set(['I', 'J', 'C']);
const zoomKeys = new Set(['+', '=', '-', '_', '0']);
const zoomCodes = new Set(['Equal', 'Minus', 'Digit0', 'NumpadAdd', 'NumpadSubtract', 'Numpad0']);
// F5 reload, F11 fullscreen toggle, F12 DevTools; other function keys do nothing in Electron.
const blockedAlways = new Set(['F5', 'F11', 'F12', 'BrowserBack', 'BrowserForward', 'BrowserRefresh', 'BrowserHome', 'BrowserSearch', 'BrowserStop', 'BrowserFavorites']);

/**
 * For before-input-event: keys that would reload, open DevTools, zoom, print, save, open or
 * close windows, or walk the history. Alt+F4 is not here: the window refuses to close unless
 * the app is quitting, whatever asked for it (see kiosk-window.ts), and the OS kiosk policy
 * decides about its own shortcuts.
 */
export const shouldBlockInput = (input: GuardInput): boolean => {
  if (blockedAlways.has(input.key) || blockedAlways.has(input.code)) return true;
  const l = letter(input);
  if (accelerator(input)) {
    if (blockedWithAccelerator.has(l)) return true;
    if (devToolsLetters.has(l) && (input.shift || input.alt)) return true;
    if (zoomKeys.has(input.key) || zoomCodes.has(input.code)) return true;
    // Cmd+[ and Cmd+] are history navigation on macOS
    if (input.meta && (input.key === '[' || input.key === ']')) return true;
  }
  // Alt+Left / Alt+Right: history back and forward
  if (input.alt && (input.key === 'ArrowLeft' || input.key === 'ArrowRight')) return true;
  return false;
};
