import { describe, expect, it } from 'vitest';
import { shouldBlockInput, type GuardInput } from '../../../main/electron/input-guard.js';

const none = { control: false, meta: false, alt: false, shift: false };
const key = (k: string, mods: Partial<typeof none> = {}, code?: string): GuardInput => ({
  ...none,
  ...mods,
  key: k,
  code: code ?? (/^[a-z]$/i.test(k) ? `Key${k.toUpperCase()}` : k),
});

describe('shouldBlockInput', () => {
  it.each([
    ['F5', key('F5')],
    ['Shift+F5', key('F5', { shift: true })],
    ['Ctrl+R', key('r', { control: true })],
    ['Cmd+R', key('r', { meta: true })],
    ['Ctrl+Shift+R', key('R', { control: true, shift: true })],
    ['F12', key('F12')],
    ['F11', key('F11')],
    ['Ctrl+Shift+I', key('I', { control: true, shift: true })],
    ['Ctrl+Shift+J', key('J', { control: true, shift: true })],
    ['Ctrl+Shift+C', key('C', { control: true, shift: true })],
    ['Cmd+Alt+I', key('i', { meta: true, alt: true })],
    ['Ctrl+=', key('=', { control: true }, 'Equal')],
    ['Ctrl++', key('+', { control: true, shift: true }, 'Equal')],
    ['Ctrl+-', key('-', { control: true }, 'Minus')],
    ['Ctrl+0', key('0', { control: true }, 'Digit0')],
    ['Ctrl+numpad +', key('+', { control: true }, 'NumpadAdd')],
    ['Ctrl+W', key('w', { control: true })],
    ['Ctrl+P', key('p', { control: true })],
    ['Ctrl+S', key('s', { control: true })],
    ['Ctrl+O', key('o', { control: true })],
    ['Ctrl+N', key('n', { control: true })],
    ['Ctrl+T', key('t', { control: true })],
    ['Ctrl+Q', key('q', { control: true })],
    ['Ctrl+U', key('u', { control: true })],
    ['BrowserBack', key('BrowserBack')],
    ['BrowserForward', key('BrowserForward')],
    ['Alt+Left', key('ArrowLeft', { alt: true })],
    ['Alt+Right', key('ArrowRight', { alt: true })],
    ['Cmd+[', key('[', { meta: true }, 'BracketLeft')],
    // another layout: the physical R key still reloads
    ['Ctrl+R on a non-Latin layout', key('к', { control: true }, 'KeyR')],
  ])('blocks %s', (_name, input) => {
    expect(shouldBlockInput(input)).toBe(true);
  });

  it.each([
    ['a letter', key('a')],
    ['Shift+A (a capital)', key('A', { shift: true })],
    ['Vietnamese text', key('ư', {}, 'BracketLeft')],
    ['digits', key('7', {}, 'Digit7')],
    ['Enter (end of a wedge scan)', key('Enter')],
    ['Backspace', key('Backspace')],
    ['Tab', key('Tab')],
    ['Escape', key('Escape')],
    ['Ctrl+C (copy in a field)', key('c', { control: true })],
    ['Ctrl+V', key('v', { control: true })],
    ['Ctrl+A', key('a', { control: true })],
    ['Ctrl+Z', key('z', { control: true })],
    // the window refuses to close unless quitting; the OS kiosk policy owns Alt+F4
    ['Alt+F4', key('F4', { alt: true })],
    ['ArrowLeft alone', key('ArrowLeft')],
  ])('lets %s through', (_name, input) => {
    expect(shouldBlockInput(input)).toBe(false);
  });
});
