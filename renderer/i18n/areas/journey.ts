// Words for shared words of the resident journey: steps, buttons, procedure facts, a11y toggles, audio. Vietnamese first; the English
// catalog must carry exactly the same keys (a missing or extra key does not compile).
export const viJourney = {
} as const satisfies Record<string, string>;

export const enJourney: { readonly [K in keyof typeof viJourney]: string } = {
};
