// Words for shared words of the resident journey: steps, buttons, procedure facts, a11y toggles, audio. Vietnamese first; the English
// catalog must carry exactly the same keys (a missing or extra key does not compile).
export const viJourney = {
  // accessibility toolbar and voice guidance (renderer/a11y, renderer/audio)
  'a11y.toolbar': 'Hỗ trợ tiếp cận',
  'a11y.largeText': 'Chữ lớn',
  'a11y.highContrast': 'Tương phản cao',
  'audio.toggle': 'Hướng dẫn bằng giọng nói',
  // assisted mode at a one-stop counter: an officer helps the resident
  'assisted.label': 'Chế độ hỗ trợ của cán bộ',
  'assisted.banner': 'Chế độ hỗ trợ — cán bộ {operatorId}',
  'assisted.end': 'Kết thúc chế độ hỗ trợ',
} as const satisfies Record<string, string>;

export const enJourney: { readonly [K in keyof typeof viJourney]: string } = {
  'a11y.toolbar': 'Accessibility',
  'a11y.largeText': 'Large text',
  'a11y.highContrast': 'High contrast',
  // the clips are Vietnamese only (espeak-ng, pre-rendered): say so rather than surprise
  'audio.toggle': 'Voice guidance (Vietnamese)',
  'assisted.label': 'Officer-assisted mode',
  'assisted.banner': 'Assisted mode — officer {operatorId}',
  'assisted.end': 'End assisted mode',
};
