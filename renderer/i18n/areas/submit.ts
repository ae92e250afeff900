// Words for the submit flow: devices check, identify, form, delivery, consent, review. Vietnamese first; the English
// catalog must carry exactly the same keys (a missing or extra key does not compile).
export const viSubmit = {
} as const satisfies Record<string, string>;

export const enSubmit: { readonly [K in keyof typeof viSubmit]: string } = {
};
