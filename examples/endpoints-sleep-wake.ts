// Puts an endpoint to sleep, then wakes it and waits until it serves again.
//   pnpm exec tsx --conditions=source examples/endpoints-sleep-wake.ts
// Against the real API set FRIENDLI_TOKEN and FRIENDLI_ENDPOINT_ID.
import { createFriendliEndpoints, EndpointWaitTimeoutError } from "@friendli-ts/endpoints";
import { withApiOrMock } from "./with-api-or-mock.ts";

if (process.env.FRIENDLI_TOKEN && !process.env.FRIENDLI_ENDPOINT_ID) {
  console.error("Set FRIENDLI_ENDPOINT_ID to the endpoint to put to sleep and wake.");
  process.exit(1);
}

await withApiOrMock(async (options, target) => {
  const onMock = !process.env.FRIENDLI_TOKEN;
  const endpoints = createFriendliEndpoints(options);
  const endpointId = process.env.FRIENDLI_ENDPOINT_ID ?? "endpoint-id";

  const asleep = await endpoints.sleep(endpointId);
  console.log(`${endpointId} on ${target}: ${asleep.status}`);

  try {
    const awake = await endpoints.wakeAndWait(endpointId, {
      timeoutMs: onMock ? 1_500 : 15 * 60_000,
      intervalMs: onMock ? 200 : 2_000,
      onProgress: (p) => console.log(`  ${p.status}${p.phase ? ` (${p.phase})` : ""}`),
    });
    console.log(`${endpointId}: ${awake.status}`);
  } catch (error) {
    if (!(onMock && error instanceof EndpointWaitTimeoutError)) throw error;
    console.log("The mock's status stays at its example (INITIALIZING), so the wait timed out as designed.");
  }
});
