// Creates a dedicated endpoint, then waits for it to serve, printing each status change.
//   pnpm exec tsx --conditions=source examples/endpoints-create-and-wait.ts      # against the mock server
// Against the real API this creates a billed GPU endpoint, so it runs there only when
// FRIENDLI_TOKEN and FRIENDLI_PROJECT_ID are both set (FRIENDLI_MODEL picks the model).
import {
  createFriendliEndpoints,
  EndpointIdMissingError,
  EndpointWaitTimeoutError,
  type WaitProgress,
} from "@friendli-ts/endpoints";
import { withApiOrMock } from "./with-api-or-mock.ts";

const showProgress = (p: WaitProgress) =>
  console.log(`  ${(p.elapsedMs / 1000).toFixed(1)}s  ${p.status}${p.phase ? ` (${p.phase})` : ""}`);

if (process.env.FRIENDLI_TOKEN && !process.env.FRIENDLI_PROJECT_ID) {
  console.error("Set FRIENDLI_PROJECT_ID to create a real endpoint in that project.");
  process.exit(1);
}

await withApiOrMock(async (options, target) => {
  const onMock = !process.env.FRIENDLI_TOKEN;
  const endpoints = createFriendliEndpoints(options);
  console.log(`Creating an endpoint on ${target}`);

  try {
    const { endpointId, status } = await endpoints.createAndWait(
      {
        projectId: process.env.FRIENDLI_PROJECT_ID ?? "project-id",
        name: "sdk-example",
        instanceOptionId: "TwD5AqnBSVN0", // 1x H100
        hfModelRepo: process.env.FRIENDLI_MODEL ?? "meta-llama/Llama-3.1-8B-Instruct",
        advanced: { tokenizer_add_special_tokens: true, tokenizer_skip_special_tokens: false },
      },
      { target: "RUNNING", timeoutMs: 30 * 60_000, onProgress: showProgress },
    );
    console.log(`${endpointId} is ${status.status}`);
  } catch (error) {
    if (!(error instanceof EndpointIdMissingError)) throw error;
    // The spec's create answer has no id field, and the mock follows the spec.
    console.log(`Created (first status ${error.created.status}), but the answer named no endpoint id.`);
  }

  // Waiting on an endpoint you already know works the same way.
  const endpointId = process.env.FRIENDLI_ENDPOINT_ID ?? "endpoint-id";
  console.log(`\nWaiting for ${endpointId} to run`);
  try {
    const status = await endpoints.waitFor(endpointId, "RUNNING", {
      timeoutMs: onMock ? 1_500 : 30 * 60_000,
      intervalMs: onMock ? 200 : 2_000,
      onProgress: showProgress,
    });
    console.log(`${endpointId} is ${status.status}`);
  } catch (error) {
    if (!(onMock && error instanceof EndpointWaitTimeoutError)) throw error;
    console.log("The mock's status never changes from its example, so the wait timed out as designed.");
  }
});
