// Words for the guide, help and track flows. Vietnamese first; the English
// catalog must carry exactly the same keys (a missing or extra key does not compile).
export const viGuideTrack = {
} as const satisfies Record<string, string>;

export const enGuideTrack: { readonly [K in keyof typeof viGuideTrack]: string } = {
};
