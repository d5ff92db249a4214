import { createFriendliEndpoints } from "@friendli-ts/endpoints";
import type { Command } from "commander";
import { formatCount, formatTable } from "../format-table.ts";
import { parseChoices } from "../parse-args.ts";
import type { Session } from "../session.ts";
import { out, printJson } from "../terminal.ts";
import { bucketLabel, type RangeOptions, rangeOptions, readRange } from "./time-range.ts";

const BUCKETS = ["1d", "1h", "5m"] as const;
const GROUPS = ["model", "product_type", "user_id"] as const;

interface UsageOptions extends RangeOptions {
  bucket: string;
  groupBy?: string;
}

export function registerUsage(program: Command, session: Session): void {
  rangeOptions(
    program.command("usage").description("the team's requests and tokens per time bucket, as a table"),
    "on the bucket's boundary",
  )
    .option("--bucket <width>", `bucket width: ${BUCKETS.join(", ")}`, "1d")
    .option("--group-by <fields>", `comma-separated: ${GROUPS.join(", ")}`)
    .addHelpText("after", "\nExample: friendli usage --from 2026-01-01 --to 2026-01-08 --group-by model")
    .action((options: UsageOptions) => usage(session, options));
}

async function usage(session: Session, options: UsageOptions): Promise<void> {
  const [bucketWidth] = parseChoices("--bucket", options.bucket, BUCKETS);
  const query = {
    ...readRange(options),
    bucket_width: bucketWidth,
    ...(options.groupBy !== undefined && { group_by: parseChoices("--group-by", options.groupBy, GROUPS) }),
  };
  const api = createFriendliEndpoints(await session.clientOptions());
  const buckets = await api.usage.listAll(query, session.call).toArray();
  if (session.json) return printJson(buckets);
  const rows: string[][] = [];
  const sums = { requests: 0, input: 0, output: 0 };
  for (const bucket of buckets) {
    for (const result of bucket.results ?? []) {
      sums.requests += result.num_model_requests ?? 0;
      sums.input += result.input_tokens ?? 0;
      sums.output += result.output_tokens ?? 0;
      rows.push([
        bucketLabel(bucket.start_time, bucketWidth === "1d"),
        result.product_type ?? "",
        result.model ?? "",
        result.user_id ?? "",
        formatCount(result.num_model_requests),
        formatCount(result.input_tokens),
        formatCount(result.output_tokens),
      ]);
    }
  }
  rows.push(["total", "", "", "", formatCount(sums.requests), formatCount(sums.input), formatCount(sums.output)]);
  out(
    formatTable(
      [
        { header: "START" },
        { header: "PRODUCT" },
        { header: "MODEL" },
        { header: "USER" },
        { header: "REQUESTS", align: "right" },
        { header: "INPUT TOKENS", align: "right" },
        { header: "OUTPUT TOKENS", align: "right" },
      ],
      rows,
    ),
  );
}
