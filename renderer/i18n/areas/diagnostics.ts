// Words for the technician diagnostics screens. Vietnamese first; the English
// catalog must carry exactly the same keys (a missing or extra key does not compile).
export const viDiagnostics = {
} as const satisfies Record<string, string>;

export const enDiagnostics: { readonly [K in keyof typeof viDiagnostics]: string } = {
};
