import {
  createFriendliEndpoints,
  ENDPOINT_STATUSES,
  type EndpointStatus,
  type FriendliEndpoints,
} from "@friendli-ts/endpoints";
import type { Command } from "commander";
import { UsageError } from "../errors.ts";
import { escapeTerminalText } from "../escape-terminal-text.ts";
import { formatTable } from "../format-table.ts";
import { integerAtLeast, parseChoices, seconds } from "../parse-args.ts";
import type { Session } from "../session.ts";
import { createStatusLine } from "../status-line.ts";
import { out, printJson } from "../terminal.ts";

export function registerEndpoints(program: Command, session: Session): void {
  const endpoints = program.command("endpoints").description("dedicated endpoints: list, inspect, wait, sleep, wake");
  const open = async (): Promise<FriendliEndpoints> => createFriendliEndpoints(await session.clientOptions());

  endpoints
    .command("list")
    .description("every endpoint of the team (or of a project), one a line")
    .option("--project <id>", "only this project's endpoints")
    .option("--limit <n>", "page size of each request", integerAtLeast(1))
    .action(async (options: { project?: string; limit?: number }) => {
      const api = await open();
      const query = {
        ...(options.project !== undefined && { project_id: options.project }),
        ...(options.limit !== undefined && { limit: options.limit }),
      };
      const items = await api.listAll(query, session.call).toArray();
      if (session.json) return printJson(items);
      if (items.length === 0) return out("no endpoints\n");
      out(
        formatTable(
          [{ header: "ENDPOINT ID" }, { header: "STATUS" }, { header: "PHASE" }, { header: "UPDATED" }],
          items.map((e) => [e.endpointId, e.status, e.phase ?? "", e.updatedAt ?? e.createdAt ?? ""]),
        ),
      );
    });

  endpoints
    .command("get")
    .description("an endpoint's specification")
    .argument("<id>", "endpoint id")
    .action(async (id: string) => {
      const spec = await (await open()).get(id, session.call);
      if (session.json) return printJson(spec);
      for (const [key, value] of Object.entries(spec)) {
        if (value === null || value === undefined) continue;
        const text = typeof value === "object" ? JSON.stringify(value) : String(value);
        out(`${escapeTerminalText(key)}: ${escapeTerminalText(text)}\n`);
      }
    });

  endpoints
    .command("status")
    .description("an endpoint's status, with its phase or error code")
    .argument("<id>", "endpoint id")
    .action(async (id: string) => printStatus(session, await (await open()).status(id, session.call)));

  endpoints
    .command("wait")
    .description("wait until an endpoint reaches a status, showing its progress on stderr")
    .argument("<id>", "endpoint id")
    .option(
      "--until <statuses>",
      `status (or comma-separated statuses) to wait for: ${ENDPOINT_STATUSES.join(", ")}`,
      "RUNNING",
    )
    .option("--timeout <seconds>", "give up after this long (default: 1800)", seconds)
    .option("--interval <seconds>", "first pause between polls; it grows up to 15 s (default: 1)", seconds)
    .action(async (id: string, options: { until: string; timeout?: number; interval?: number }) => {
      const targets = parseChoices("--until", options.until, ENDPOINT_STATUSES);
      const api = await open();
      const line = createStatusLine();
      try {
        const status = await api.waitFor(id, targets, {
          ...session.call,
          ...(options.timeout !== undefined && { timeoutMs: options.timeout * 1000 }),
          ...(options.interval !== undefined && { intervalMs: options.interval * 1000 }),
          onProgress: (p) => line.update(`${id}: ${describeStatus(p.endpoint)}, waiting for ${targets.join(" or ")}`),
        });
        line.stop();
        printStatus(session, status);
      } finally {
        line.stop();
      }
    });

  endpoints
    .command("sleep")
    .description("put an endpoint to sleep (it keeps its configuration, frees its GPUs)")
    .argument("<id>", "endpoint id")
    .action(async (id: string) => printStatus(session, await (await open()).sleep(id, session.call)));

  endpoints
    .command("wake")
    .description("wake a sleeping endpoint")
    .argument("<id>", "endpoint id")
    .option("--wait", "then wait until it is RUNNING")
    .action(async (id: string, options: { wait?: boolean }) => {
      const api = await open();
      if (!options.wait) return printStatus(session, await api.wake(id, session.call));
      const line = createStatusLine();
      try {
        const status = await api.wakeAndWait(id, {
          ...session.call,
          onProgress: (p) => line.update(`${id}: ${describeStatus(p.endpoint)}, waiting for RUNNING`),
        });
        line.stop();
        printStatus(session, status);
      } finally {
        line.stop();
      }
    });

  endpoints
    .command("terminate")
    .description("terminate an endpoint (asks for --yes)")
    .argument("<id>", "endpoint id")
    .option("--yes", "confirm: the endpoint stops serving")
    .action(async (id: string, options: { yes?: boolean }) => {
      if (!options.yes) throw new UsageError(`terminate stops endpoint ${id} serving: add --yes to confirm`);
      printStatus(session, await (await open()).terminate(id, session.call));
    });
}

/** `INITIALIZING (DOWNLOADING_MODEL)`, `FAILED (WORKLOAD_INIT_DOWNLOAD_ERROR)`, `RUNNING`: one line. */
function describeStatus(status: EndpointStatus): string {
  const detail = status.errorCode ?? status.phase;
  return escapeTerminalText(detail ? `${status.status} (${detail})` : status.status);
}

function printStatus(session: Session, status: EndpointStatus): void {
  if (session.json) printJson(status);
  else out(`${describeStatus(status)}\n`);
}
