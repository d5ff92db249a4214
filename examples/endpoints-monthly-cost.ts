// A cost and usage report for last calendar month (UTC), grouped by line item and model.
//   pnpm exec tsx --conditions=source examples/endpoints-monthly-cost.ts   # mock server, or the API with FRIENDLI_TOKEN
import { createFriendliEndpoints, previousUtcMonth, utcMonthRange } from "@friendli-ts/endpoints";
import { withApiOrMock } from "./with-api-or-mock.ts";

await withApiOrMock(async (options, target) => {
  const endpoints = createFriendliEndpoints(options);
  const { year, month } = previousUtcMonth();
  const range = utcMonthRange(year, month);
  console.log(`Team cost for ${year}-${String(month).padStart(2, "0")} from ${target}:`);

  // Daily buckets; up to 31 a page, and the iterator follows next_page for the rest.
  const costByItem = new Map<string, number>();
  for await (const day of endpoints.cost.listAll({ ...range, group_by: "line_item", limit: 31 })) {
    for (const result of day.results) {
      const item = result.line_item ?? "total";
      costByItem.set(item, (costByItem.get(item) ?? 0) + Number(result.total));
    }
  }
  for (const [item, usd] of costByItem) console.log(`  ${item.padEnd(48)} $${usd.toFixed(2)}`);
  if (costByItem.size === 0) console.log("  (no cost line items)");

  console.log("\nTokens by model:");
  const tokensByModel = new Map<string, number>();
  for await (const day of endpoints.usage.listAll({ ...range, group_by: ["model", "product_type"], limit: 31 })) {
    for (const result of day.results) {
      const model = result.model ?? "(all)";
      const tokens = (result.input_tokens ?? 0) + (result.output_tokens ?? 0);
      tokensByModel.set(model, (tokensByModel.get(model) ?? 0) + tokens);
    }
  }
  for (const [model, tokens] of tokensByModel) console.log(`  ${model.padEnd(48)} ${tokens.toLocaleString("en-US")}`);
});
