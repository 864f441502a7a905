/**
 * The payment apps' canonical demo payloads (from the systems our users come from). Every model
 * version must score LEGIT_DEMO clearly legitimate (< 0.1) and v1/v2 SUSPICIOUS_DEMO clearly
 * fraudulent (> 0.9); `npm run model:train` checks it.
 */
export const LEGIT_DEMO = { txn_id: "1", amount: 50, device: "mobile" } as const;

export const SUSPICIOUS_DEMO = { txn_id: "2", amount: 5000, geo: "unknown", device: "rooted-phone" } as const;
