import { describe, expect, it } from 'vitest';
import {
  backspace,
  eraseDateDigit,
  initialShift,
  toggleCaps,
  toggleShift,
  toggleTelex,
  typeDateDigit,
  typeDigit,
  typeKey,
  typeSpace,
  type ShiftState,
  type TypeOptions,
} from '../../../../renderer/components/keyboard/keyboard-logic.js';

/** Taps each key of `keys` (' ' is the space bar, '⌫' backspace) on an empty field. */
const tap = (keys: string, state: ShiftState, opts: TypeOptions = {}, start = ''): { value: string; state: ShiftState } => {
  let r = { value: start, state };
  for (const k of keys) r = k === ' ' ? typeSpace(r.value, r.state, opts) : k === '⌫' ? backspace(r.value, r.state, opts) : typeKey(r.value, k, r.state, opts);
  return r;
};

const telexOn = initialShift('text', '');

describe('on-screen keyboard: Vietnamese typing', () => {
  it('composes Telex as the keys come', () => {
    expect(tap('nguyeenx vawn an', telexOn).value).toBe('nguyễn văn an');
    expect(tap('ddoongf', telexOn).value).toBe('đồng');
    expect(tap('hoaf', telexOn).value).toBe('hòa');
  });

  it('types letters as they are with Telex off, and starts e-mail with it off', () => {
    expect(tap('nguyeenx', toggleTelex(telexOn)).value).toBe('nguyeenx');
    expect(initialShift('email', '').telex).toBe(false);
    expect(tap('an@mail.vn', initialShift('email', '')).value).toBe('an@mail.vn');
  });

  it('capitalises each word of a name, and shift lasts one letter', () => {
    const name = initialShift('text', '', { capitalizeWords: true });
    expect(name.shift).toBe(true);
    expect(tap('nguyeenx vawn an', name, { capitalizeWords: true }).value).toBe('Nguyễn Văn An');
    expect(tap('ab', toggleShift(telexOn)).value).toBe('Ab');
    expect(tap('ab', toggleCaps(telexOn)).value).toBe('AB');
  });

  it('deletes a letter and puts the tone back where it belongs', () => {
    expect(tap('hoaf', telexOn, {}, '').value).toBe('hòa');
    expect(tap('hoafn⌫', telexOn).value).toBe('hòa');
    expect(tap('ab⌫', toggleTelex(telexOn)).value).toBe('a');
    // after deleting back to a word start, the next letter of a name is a capital again
    expect(tap('an ⌫⌫⌫b', initialShift('text', '', { capitalizeWords: true }), { capitalizeWords: true }).value).toBe('B');
  });

  it('keeps one space between words and none at the start', () => {
    expect(tap(' a  b', telexOn).value).toBe('a b');
  });

  it('stops at the field’s length', () => {
    expect(tap('abcdef', telexOn, { maxLength: 3 }).value).toBe('abc');
  });
});

describe('on-screen keypad: numbers and dates', () => {
  it('takes digits only, and a leading + for a phone', () => {
    let v = '';
    for (const k of ['+', '8', '4', '+', 'x', '9']) v = typeDigit(v, k, 'phone');
    expect(v).toBe('+849');
    expect(typeDigit('', '+', 'digits')).toBe('');
    expect(typeDigit('123', '4', 'digits', { maxLength: 3 })).toBe('123');
  });

  it('writes a date as dd/mm/yyyy with the slashes coming by themselves', () => {
    let v = '';
    for (const d of '0509199012') v = typeDateDigit(v, d);
    expect(v).toBe('05/09/1990');
    expect(eraseDateDigit(v)).toBe('05/09/199');
    expect(eraseDateDigit('05/0')).toBe('05');
  });
});
