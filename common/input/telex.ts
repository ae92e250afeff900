// Telex for the on-screen keyboard: residents type Vietnamese with plain Latin keys, the way
// Unikey and every phone keyboard in Vietnam does it. The state is the text itself: each key
// re-reads the last word, applies itself, and writes the word back, so backspace, a cursor
// jump or a pre-filled value never leave a hidden composer out of step with what is shown.
//
// A key only transforms when the result is a well-formed Vietnamese syllable (initial +
// vowel nucleus + final); otherwise it is typed as itself. That is what lets "ass" → "as"
// stay "as"-then-"s" instead of looping back to "á", and lets names such as "Email" through.
//
// Tone placement is the traditional one ("hòa", "thủy", "khỏe"), not the newer "hoà":
// most government documents and ID cards are written that way, and the kiosk's forms are
// compared with those documents.

type Shape = '' | 'circumflex' | 'breve' | 'horn' | 'stroke';
type Tone = '' | 'acute' | 'grave' | 'hook' | 'tilde' | 'dot';

interface Letter {
  /** a–z */
  base: string;
  upper: boolean;
  shape: Shape;
}

interface Word {
  letters: Letter[];
  tone: Tone;
}

const SHAPE_MARK: Readonly<Record<string, Shape>> = { '\u0302': 'circumflex', '\u0306': 'breve', '\u031B': 'horn' };
const TONE_MARK: Readonly<Record<string, Tone>> = { '\u0301': 'acute', '\u0300': 'grave', '\u0309': 'hook', '\u0303': 'tilde', '\u0323': 'dot' };
const MARK_OF_SHAPE: Readonly<Record<Exclude<Shape, '' | 'stroke'>, string>> = { circumflex: '\u0302', breve: '\u0306', horn: '\u031B' };
const MARK_OF_TONE: Readonly<Record<Exclude<Tone, ''>, string>> = { acute: '\u0301', grave: '\u0300', hook: '\u0309', tilde: '\u0303', dot: '\u0323' };
const TONE_KEYS: Readonly<Record<string, Exclude<Tone, ''>>> = { s: 'acute', f: 'grave', r: 'hook', x: 'tilde', j: 'dot' };

// the shapes each vowel can carry: â ê ô, ă, ơ ư
const ALLOWED_SHAPES: Readonly<Record<string, readonly Shape[]>> = { a: ['circumflex', 'breve'], e: ['circumflex'], o: ['circumflex', 'horn'], u: ['horn'] };

const VOWELS = new Set(['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y']);
const INITIALS = new Set(['', 'b', 'c', 'ch', 'd', 'đ', 'g', 'gh', 'gi', 'h', 'k', 'kh', 'l', 'm', 'n', 'ng', 'ngh', 'nh', 'p', 'ph', 'qu', 'r', 's', 't', 'th', 'tr', 'v', 'x']);
const FINALS = new Set(['', 'c', 'ch', 'm', 'n', 'ng', 'nh', 'p', 't']);
const NUCLEI = new Set([
  'a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y',
  'ai', 'ao', 'au', 'ay', 'âu', 'ây', 'eo', 'êu', 'ia', 'iê', 'iu', 'oa', 'oă', 'oe', 'oi', 'oo', 'ôi', 'ơi',
  'ua', 'uâ', 'uê', 'ui', 'uô', 'uơ', 'uy', 'ưa', 'ưi', 'ươ', 'ưu', 'yê',
  'iêu', 'oai', 'oao', 'oay', 'oeo', 'uây', 'uôi', 'uya', 'uyê', 'uyu', 'ươi', 'ươu', 'yêu',
]);

/** The letter as written without its tone, lower case: "â", "đ", "b". */
const plain = (l: Letter): string => {
  if (l.shape === 'stroke') return 'đ';
  return (l.base + (l.shape === '' ? '' : MARK_OF_SHAPE[l.shape])).normalize('NFC');
};

function parseWord(word: string): Word | null {
  const letters: Letter[] = [];
  let tone: Tone = '';
  for (const ch of word) {
    if (ch === 'đ' || ch === 'Đ') {
      letters.push({ base: 'd', upper: ch === 'Đ', shape: 'stroke' });
      continue;
    }
    const [base = '', ...marks] = Array.from(ch.normalize('NFD'));
    if (!/^[a-zA-Z]$/.test(base)) return null;
    const letter: Letter = { base: base.toLowerCase(), upper: base !== base.toLowerCase(), shape: '' };
    for (const m of marks) {
      const shape = SHAPE_MARK[m];
      const t = TONE_MARK[m];
      if (shape !== undefined && (ALLOWED_SHAPES[letter.base] ?? []).includes(shape)) letter.shape = shape;
      else if (t !== undefined) tone = t;
      else return null;
    }
    letters.push(letter);
  }
  return { letters, tone };
}

interface Syllable {
  valid: boolean;
  /** the vowel nucleus: letters[start, end) */
  start: number;
  end: number;
  hasFinal: boolean;
}

function analyse(letters: readonly Letter[], allowNoVowel = false): Syllable {
  const s = letters.map(plain);
  const isVowel = (i: number): boolean => VOWELS.has(s[i] ?? '');
  let start = 0;
  while (start < s.length && !isVowel(start)) start += 1;
  // "gi" and "qu" are initials when another vowel follows ("gia", "quá"); alone, the i or u
  // is the vowel ("gì", "gìn")
  const head = s.slice(0, start + 1).join('');
  if ((head === 'gi' || head === 'qu') && isVowel(start + 1)) start += 1;
  let end = start;
  while (end < s.length && isVowel(end)) end += 1;
  const initial = s.slice(0, start).join('');
  const nucleus = s.slice(start, end).join('');
  const final = s.slice(end).join('');
  const valid = INITIALS.has(initial) && FINALS.has(final) && (NUCLEI.has(nucleus) || (allowNoVowel && nucleus === '' && final === ''));
  return { valid, start, end, hasFinal: final !== '' };
}

/** Traditional placement: the shaped vowel (the second of ươ); else middle of three; else first of two open, second of two closed. */
function tonePosition(letters: readonly Letter[], syl: Syllable): number {
  const shaped: number[] = [];
  for (let i = syl.start; i < syl.end; i += 1) if (letters[i]?.shape !== '') shaped.push(i);
  const last = shaped.at(-1);
  if (last !== undefined) return last;
  const length = syl.end - syl.start;
  if (length === 3) return syl.start + 1;
  if (length === 2) return syl.hasFinal ? syl.start + 1 : syl.start;
  return syl.start;
}

function render(word: Word): string {
  const syl = analyse(word.letters, true);
  const at = word.tone === '' ? -1 : tonePosition(word.letters, syl);
  return word.letters
    .map((l, i) => {
      if (l.shape === 'stroke') return l.upper ? 'Đ' : 'đ';
      const base = l.upper ? l.base.toUpperCase() : l.base;
      const shape = l.shape === '' ? '' : MARK_OF_SHAPE[l.shape];
      const tone = i === at && word.tone !== '' ? MARK_OF_TONE[word.tone] : '';
      return base + shape + tone;
    })
    .join('')
    .normalize('NFC');
}

const cloneLetters = (letters: readonly Letter[]): Letter[] => letters.map((l) => ({ ...l }));
const lettersOf = (key: string): Letter => ({ base: key.toLowerCase(), upper: key !== key.toLowerCase(), shape: '' });

/** The word with `key` applied as a Telex command, or null when it is just a letter here. */
function applyCommand(word: Word, key: string): Word | null {
  const k = key.toLowerCase();
  const syl = analyse(word.letters);
  const nucleus = (): number[] => Array.from({ length: syl.end - syl.start }, (_, i) => syl.start + i);
  const hasVowel = syl.end > syl.start;

  const tone = TONE_KEYS[k];
  if (tone !== undefined) {
    if (!hasVowel || !syl.valid) return null;
    if (word.tone === tone) return { letters: [...cloneLetters(word.letters), lettersOf(key)], tone: '' }; // undo: "ass" → "as"
    return { letters: word.letters, tone };
  }
  if (k === 'z') {
    if (word.tone === '' || !hasVowel) return null;
    return { letters: word.letters, tone: '' };
  }
  if (k === 'd') {
    const first = word.letters[0];
    if (first?.base !== 'd' || word.letters.length === 0) return null;
    const letters = cloneLetters(word.letters);
    const head = letters[0] as Letter;
    if (head.shape === 'stroke') {
      head.shape = '';
      return { letters: [...letters, lettersOf(key)], tone: word.tone }; // "ddd" → "dd"
    }
    head.shape = 'stroke';
    return analyse(letters, true).valid ? { letters, tone: word.tone } : null;
  }
  if (k === 'a' || k === 'e' || k === 'o') {
    if (!hasVowel) return null;
    const letters = cloneLetters(word.letters);
    const target = nucleus().reverse().find((i) => letters[i]?.base === k && letters[i]?.shape !== 'circumflex');
    if (target === undefined) {
      const done = nucleus().reverse().find((i) => letters[i]?.base === k && letters[i]?.shape === 'circumflex');
      if (done === undefined) return null;
      (letters[done] as Letter).shape = '';
      return { letters: [...letters, lettersOf(key)], tone: word.tone }; // "aaa" → "aa"
    }
    (letters[target] as Letter).shape = 'circumflex';
    return analyse(letters).valid ? { letters, tone: word.tone } : null;
  }
  if (k === 'w') {
    if (!hasVowel) return null;
    const letters = cloneLetters(word.letters);
    const targets = hornTargets(letters, nucleus());
    if (targets.length === 0) {
      const shaped = nucleus().filter((i) => letters[i]?.shape === 'breve' || letters[i]?.shape === 'horn');
      if (shaped.length === 0) return null;
      for (const i of shaped) (letters[i] as Letter).shape = '';
      return { letters: [...letters, lettersOf(key)], tone: word.tone }; // "uww" → "uw"
    }
    for (const i of targets) {
      const l = letters[i] as Letter;
      l.shape = l.base === 'a' ? 'breve' : 'horn';
    }
    return analyse(letters).valid ? { letters, tone: word.tone } : null;
  }
  return null;
}

/**
 * Which vowels a `w` shapes: u+o together (ươ: "đươ", "người"); u before a in "ua" (mưa;
 * after q the u belongs to the initial and "qua" gives "quă"); the first u of "uu" (hưu);
 * otherwise the last a, o or u not yet shaped by w.
 */
function hornTargets(letters: readonly Letter[], nucleus: readonly number[]): number[] {
  const isW = (i: number): boolean => letters[i]?.shape === 'breve' || letters[i]?.shape === 'horn';
  for (const i of nucleus) {
    const [a, b] = [letters[i], letters[i + 1]];
    if (a?.base === 'u' && b?.base === 'o' && nucleus.includes(i + 1) && !(isW(i) && isW(i + 1))) return [i, i + 1];
  }
  const [first, second] = [letters[nucleus[0] ?? -1], letters[nucleus[1] ?? -1]];
  if (nucleus.length >= 2 && first?.base === 'u' && first.shape === '' && (second?.base === 'a' || second?.base === 'u' || second?.base === 'i')) {
    return [nucleus[0] as number];
  }
  const last = [...nucleus].reverse().find((i) => ['a', 'o', 'u'].includes(letters[i]?.base ?? '') && !isW(i));
  return last === undefined ? [] : [last];
}

const lastWord = /\p{L}+$/u;

/** Applies one key (or each character of a pasted string) to `text`; the result is NFC. */
export function telexType(text: string, key: string): string {
  let out = text.normalize('NFC');
  for (const ch of Array.from(key.normalize('NFC'))) out = typeOne(out, ch);
  return out;
}

function typeOne(text: string, key: string): string {
  if (!/^[a-zA-Z]$/.test(key)) return text + key;
  const match = lastWord.exec(text);
  const before = match ? text.slice(0, match.index) : text;
  const word = match ? parseWord(match[0]) : { letters: [], tone: '' as Tone };
  if (word === null) return text + key;
  const commanded = applyCommand(word, key);
  if (commanded !== null) return before + render(commanded);
  // a plain letter: the tone may have to move ("hòa" + n → "hoàn")
  const appended: Word = { letters: [...word.letters, lettersOf(key)], tone: word.tone };
  return word.tone !== '' && analyse(appended.letters).valid ? before + render(appended) : text + key;
}

/** Deletes the last character; the tone of the word left behind is placed again ("hoàn" → "hòa"). */
export function telexBackspace(text: string): string {
  const chars = Array.from(text.normalize('NFC'));
  chars.pop();
  const rest = chars.join('');
  const match = lastWord.exec(rest);
  if (!match) return rest;
  const word = parseWord(match[0]);
  if (word === null || word.tone === '' || !analyse(word.letters).valid) return rest;
  return rest.slice(0, match.index) + render(word);
}
