// Words for the scan step, the receipt, the rating (also the rate flow). Vietnamese first; the English
// catalog must carry exactly the same keys (a missing or extra key does not compile).
export const viScanReceipt = {
} as const satisfies Record<string, string>;

export const enScanReceipt: { readonly [K in keyof typeof viScanReceipt]: string } = {
};
