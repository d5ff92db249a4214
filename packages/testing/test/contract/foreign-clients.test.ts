// Clients nobody here wrote, against one mock: openai-node 6, curl and Python's urllib, each
// through the same cases (tooling/test-kit's foreign-client-cases). openai-node 7 and the AI
// SDK's providers need Node 22: their cases run in packages/ai-sdk.
import { execFile, execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  everyCaseSkipped,
  type ForeignClient,
  foreignClientCases,
  openAiNodeClient,
} from "@friendli-ts/test-kit/foreign-clients";
import OpenAI from "openai6";
import { afterAll, beforeAll } from "vitest";
// The built entry, as a user installs it (its specs are the copies shipped in dist/).
import { type MockServer, startMockServer } from "../../dist/index.js";

let mock: MockServer;
let scratch: string;
beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), "foreign-clients-"));
  mock = await startMockServer();
});
afterAll(async () => {
  await mock?.stop();
  rmSync(scratch, { recursive: true, force: true });
});

/** Runs a program to its end: exit code and what it printed (a failing exit is a result, not an error). */
function run(file: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(file, args, { timeout: 30_000, encoding: "utf8" }, (error, stdout, stderr) => {
      if (error && typeof error.code !== "number") reject(error);
      else resolve({ code: typeof error?.code === "number" ? error.code : 0, stdout, stderr });
    });
  });
}

/** Whether `program --version` runs here. */
function found(program: string): boolean {
  try {
    execFileSync(program, ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

const messages = [{ role: "user", content: "Hi" }];

/** The data of each event in a server-sent event stream, as a user's parser reads curl's output. */
const eventData = (text: string) =>
  text
    .split("\n")
    .filter((line) => line.startsWith("data:"))
    .map((line) => line.slice(5).trim())
    .filter((data) => data !== "[DONE]")
    .map(
      (data) => JSON.parse(data) as { choices: { delta?: { content?: string } }[]; usage?: { total_tokens: number } },
    );

/** curl as a shell script calls the mock: `-sS`, a bearer token, a JSON body. */
function curlClient(base: () => string): ForeignClient {
  const curl = (path: string, body: unknown, flags: string[] = []) =>
    run("curl", [
      "-sS",
      ...flags,
      "-H",
      "authorization: Bearer test",
      "-H",
      "content-type: application/json",
      "--data",
      JSON.stringify(body),
      `${base()}/dedicated/v1${path}`,
    ]);
  const json = async (path: string, body: unknown, flags: string[] = []) => {
    const { code, stdout, stderr } = await curl(path, body, ["--fail-with-body", ...flags]);
    if (code !== 0) throw new Error(`curl exited with ${code}: ${stderr}${stdout}`);
    return stdout === "" ? undefined : JSON.parse(stdout);
  };
  const streamBody = { model: "m", messages, stream: true, stream_options: { include_usage: true } };
  return {
    chat: async () => (await json("/chat/completions", { model: "m", messages })).choices[0].message.content,
    async stream() {
      const { stdout } = await curl("/chat/completions", streamBody, ["-N"]);
      const events = eventData(stdout);
      return {
        pieces: events.map((e) => e.choices[0]?.delta?.content ?? "").filter(Boolean),
        totalTokens: events.find((e) => e.usage)?.usage?.total_tokens,
      };
    },
    embed: async () => (await json("/embeddings", { model: "m", input: "Hi" })).data[0].embedding,
    complete: async () => (await json("/completions", { model: "m", prompt: "Hi" })).choices[0].text,
    async refused() {
      const { stdout } = await curl("/chat/completions", { model: "m", messages: "not a list" }, [
        "-w",
        "\n%{http_code}",
      ]);
      const [body = "", status = ""] = stdout.split(/\n(?=\d+$)/);
      return { status: Number(status), message: JSON.parse(body).error.message };
    },
    async retried() {
      // curl retries a 429 on its own when told to, waiting as Retry-After says; into a file,
      // which it empties before the retry (on stdout both bodies would be written).
      const file = join(scratch, "retried.json");
      await json("/chat/completions", { model: "m", messages }, ["--retry", "1", "-o", file]);
      return JSON.parse(readFileSync(file, "utf8")).choices[0].message.content;
    },
    async readUntilError() {
      const { code, stdout, stderr } = await curl("/chat/completions", streamBody, ["-N"]);
      const text = eventData(stdout)
        .map((e) => e.choices[0]?.delta?.content ?? "")
        .join("");
      return { text, error: code === 0 ? undefined : `curl exited with ${code}: ${stderr.trim()}` };
    },
  };
}

/** Python's urllib, through the script in fixtures/: one process per case. */
function urllibClient(base: () => string): ForeignClient {
  const script = fileURLToPath(new URL("../support/urllib-client.py", import.meta.url));
  const call = async (kase: keyof ForeignClient) => {
    const { code, stdout, stderr } = await run("python3", [script, kase, `${base()}/dedicated/v1`]);
    if (code !== 0) throw new Error(`python3 exited with ${code}: ${stderr}`);
    return JSON.parse(stdout);
  };
  return {
    chat: () => call("chat"),
    stream: () => call("stream"),
    embed: () => call("embed"),
    complete: () => call("complete"),
    refused: () => call("refused"),
    retried: () => call("retried"),
    async readUntilError() {
      const { text, error } = await call("readUntilError");
      return { text, error: error ?? undefined };
    },
  };
}

const url = () => mock.url;
foreignClientCases("openai-node 6", () => ({ mock, client: openAiNodeClient(OpenAI, mock.url) }));
const curl = curlClient(url);
foreignClientCases("curl", () => ({ mock, client: curl }), found("curl") ? {} : everyCaseSkipped("no curl here"));
const urllib = urllibClient(url);
foreignClientCases(
  "Python urllib",
  () => ({ mock, client: urllib }),
  found("python3") ? {} : everyCaseSkipped("no python3 here"),
);
