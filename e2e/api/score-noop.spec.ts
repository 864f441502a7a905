import { expect, test } from "@playwright/test";

// The empty route the scoring benchmark once measured was public and read up to 5 MB per request.
// It must not exist in the production build (issue 8): bench/score.ts measures its ceiling as
// POST /api/score without a key instead (lib/scoring/README.md, "Benchmark").
test("/api/score/noop does not exist in the production build", async ({ request }) => {
  const post = await request.post("/api/score/noop", { data: { txn_id: "x", amount: 1 } });
  expect(post.status()).toBe(404);
  const get = await request.get("/api/score/noop");
  expect(get.status()).toBe(404);
});
