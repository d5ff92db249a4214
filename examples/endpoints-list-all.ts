// Lists every dedicated endpoint of the team across pages, then one endpoint's versions.
//   pnpm exec tsx --conditions=source examples/endpoints-list-all.ts    # mock server, or the API with FRIENDLI_TOKEN
import { createFriendliEndpoints } from "@friendli-ts/endpoints";
import { withApiOrMock } from "./with-api-or-mock.ts";

await withApiOrMock(async (options, target) => {
  const endpoints = createFriendliEndpoints(options);
  console.log(`Endpoints on ${target}:`);

  let first: string | undefined;
  let shown = 0;
  // `limit` is the page size; the iterator follows the cursors and stops on its own, or
  // at a `break` (no page past it is fetched).
  for await (const endpoint of endpoints.listAll({ limit: 50 })) {
    first ??= endpoint.endpointId;
    console.log(
      `  ${endpoint.endpointId.padEnd(24)} ${endpoint.status}${endpoint.phase ? ` (${endpoint.phase})` : ""}`,
    );
    if (++shown === 500) break;
  }
  if (!first) return console.log("  (none)");

  console.log(`\nVersions of ${first} (the first 20):`);
  for (const version of await endpoints.listAllVersions(first).toArray(20)) {
    console.log(`  #${version.version} ${version.name}: ${version.numGpu}x ${version.gpuType}`);
  }
});
