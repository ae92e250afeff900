import { describe, expect, it } from 'vitest';
import { telexBackspace, telexType } from '../../../common/input/telex.js';

/** Types `keys` one at a time, as the on-screen keyboard does. */
const type = (keys: string, start = ''): string => Array.from(keys).reduce((text, key) => telexType(text, key), start);

describe('telexType: the brief\u2019s words', () => {
  it.each([
    ['Nguyeenx', 'Nguyễn'],
    ['Thij', 'Thị'],
    ['Hoaf', 'Hòa'],
    ['dduwowngf', 'đường'],
    ['Vieejt Nam', 'Việt Nam'],
    ['quoocs', 'quốc'],
    ['giaf', 'già'],
    ['Tuaans', 'Tuấn'],
  ])('%s → %s', (keys, expected) => {
    const out = type(keys);
    expect(out).toBe(expected);
    expect(out).toBe(out.normalize('NFC'));
  });
});

describe('telexType: vowel shapes', () => {
  it.each([
    ['aa', 'â'], ['aw', 'ă'], ['ee', 'ê'], ['oo', 'ô'], ['ow', 'ơ'], ['uw', 'ư'], ['dd', 'đ'],
    ['muwa', 'mưa'], ['muaw', 'mưa'], ['nguwowif', 'người'], ['ruwowuj', 'rượu'], ['huuw', 'hưu'],
    ['hoawcj', 'hoặc'], ['quaw', 'quă'], ['giuwx', 'giữ'], ['tieengs', 'tiếng'], ['awa', 'â'],
  ])('%s → %s', (keys, expected) => expect(type(keys)).toBe(expected));
});

describe('telexType: tones', () => {
  it.each([
    ['as', 'á'], ['af', 'à'], ['ar', 'ả'], ['ax', 'ã'], ['aj', 'ạ'],
    ['hoasf', 'hòa'], // a second tone key replaces the first
    ['hoafz', 'hoa'], // z removes the tone
    ['gif', 'gì'], ['ginf', 'gìn'], ['cuar', 'của'], ['tieesng', 'tiếng'],
  ])('%s → %s', (keys, expected) => expect(type(keys)).toBe(expected));

  it('places the tone the traditional way: on the first vowel of an open oa/oe/uy', () => {
    expect(type('hoaf')).toBe('hòa');
    expect(type('thuyr')).toBe('thủy');
    expect(type('khoer')).toBe('khỏe');
  });

  it('moves the tone when a final consonant closes the syllable', () => {
    expect(type('hoafn')).toBe('hoàn');
    expect(type('hoafng')).toBe('hoàng');
  });

  it('puts the tone on the shaped vowel, the second of ươ, the middle of three', () => {
    expect(type('quyeenr')).toBe('quyển');
    expect(type('dduwowcj')).toBe('được');
    expect(type('khuyru')).toBe('khuỷu');
    expect(type('ngoais')).toBe('ngoái');
  });
});

describe('telexType: undo and letters typed as themselves', () => {
  it('the same tone key twice undoes it and leaves the letter', () => {
    expect(type('ass')).toBe('as');
    expect(type('hoaff')).toBe('hoaf');
  });

  it('the same shape key twice undoes it and leaves the letter', () => {
    expect(type('aaa')).toBe('aa');
    expect(type('ddd')).toBe('dd');
    expect(type('uww')).toBe('uw');
  });

  it('z with no tone is a z', () => {
    expect(type('hoaz')).toBe('hoaz');
  });

  it('a tone key with no vowel before it is a letter', () => {
    expect(type('tr')).toBe('tr');
    expect(type('s')).toBe('s');
  });

  it('leaves words that are not Vietnamese syllables alone', () => {
    expect(type('Email')).toBe('Email');
    expect(type('Anderson')).toBe('Anderson');
  });

  it('non-letters are typed as they are and end the word', () => {
    expect(type('Soos 12, phoos Hangf Bacj')).toBe('Số 12, phố Hàng Bạc');
  });
});

describe('telexType: capitals', () => {
  it('keeps the case of the letter being shaped', () => {
    expect(type('DDaauj')).toBe('Đậu');
    expect(type('NGUYEENX')).toBe('NGUYỄN');
    expect(type('TrAanf')).toBe('TrẦn');
    expect(type('Lee Thij Hoongf')).toBe('Lê Thị Hồng');
  });
});

describe('telexType: existing text', () => {
  it('works on decomposed text and returns NFC', () => {
    const out = telexType('Nguyên'.normalize('NFD'), 'x');
    expect(out).toBe('Nguyễn');
    expect(out).toBe(out.normalize('NFC'));
  });

  it('only recomposes the last word', () => {
    // "bình" already has the grave tone: f undoes it there, and "Hòa" is untouched
    expect(telexType('Hòa bình', 'f')).toBe('Hòa binhf');
    expect(telexType('Trần Văn A', 's')).toBe('Trần Văn Á');
  });

  it('a pasted string is applied key by key', () => {
    expect(telexType('', 'Vieejt')).toBe('Việt');
  });
});

describe('telexBackspace', () => {
  it('deletes one letter and places the tone again', () => {
    expect(telexBackspace('hoàn')).toBe('hòa');
    expect(telexBackspace('đường')).toBe('đườn');
  });

  it('deletes a whole composed letter, not just its mark', () => {
    expect(telexBackspace('Việ')).toBe('Vi');
  });

  it('handles the empty text and spaces', () => {
    expect(telexBackspace('')).toBe('');
    expect(telexBackspace('Việt ')).toBe('Việt');
  });
});
