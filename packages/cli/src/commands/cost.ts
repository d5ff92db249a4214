import { createFriendliEndpoints } from "@friendli-ts/endpoints";
import type { Command } from "commander";
import { formatAmount, formatTable } from "../format-table.ts";
import type { Session } from "../session.ts";
import { out, printJson } from "../terminal.ts";
import { bucketLabel, type RangeOptions, rangeOptions, readRange } from "./time-range.ts";

interface CostOptions extends RangeOptions {
  byItem?: boolean;
}

export function registerCost(program: Command, session: Session): void {
  rangeOptions(program.command("cost").description("the team's cost per day, as a table"), "at midnight UTC")
    .option("--by-item", "one row per line item (endpoint, GPU type) instead of one per day")
    .addHelpText("after", "\nExample: friendli cost --from 2026-01-01 --to 2026-02-01 --by-item")
    .action((options: CostOptions) => cost(session, options));
}

async function cost(session: Session, options: CostOptions): Promise<void> {
  const query = { ...readRange(options), ...(options.byItem && { group_by: "line_item" as const }) };
  const api = createFriendliEndpoints(await session.clientOptions());
  const buckets = await api.cost.listAll(query, session.call).toArray();
  if (session.json) return printJson(buckets);
  const rows: string[][] = [];
  let sum = 0;
  for (const bucket of buckets) {
    for (const result of bucket.results ?? []) {
      const total = Number(result.total);
      if (Number.isFinite(total)) sum += total;
      rows.push([
        bucketLabel(bucket.start_time, true),
        result.line_item ?? "",
        formatAmount(result.quantity),
        formatAmount(result.unit_price),
        formatAmount(result.total),
      ]);
    }
  }
  rows.push(["total", "", "", "", formatAmount(sum)]);
  out(
    formatTable(
      [
        { header: "DATE" },
        { header: "LINE ITEM" },
        { header: "QUANTITY", align: "right" },
        { header: "UNIT PRICE", align: "right" },
        { header: "TOTAL", align: "right" },
      ],
      rows,
    ),
  );
}
