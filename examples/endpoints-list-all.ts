// Lists every dedicated endpoint of the team across pages, then one endpoint's versions.
//   tsx --conditions=source examples/endpoints-list-all.ts    # mock server, or the API with FRIENDLI_TOKEN
import { createFriendliEndpoints } from "@friendli-ts/endpoints";
import { withApiOrMock } from "./with-api-or-mock.ts";

await withApiOrMock(async (options, target) => {
  const endpoints = createFriendliEndpoints(options);
  console.log(`Endpoints on ${target}:`);

  let first: string | undefined;
  // `limit` is the page size; the iterator follows the cursors and stops on its own.
  for await (const endpoint of endpoints.listAll({ limit: 50 }, { maxItems: 500 })) {
    first ??= endpoint.endpointId;
    console.log(
      `  ${endpoint.endpointId.padEnd(24)} ${endpoint.status}${endpoint.phase ? ` (${endpoint.phase})` : ""}`,
    );
  }
  if (!first) return console.log("  (none)");

  console.log(`\nVersions of ${first}:`);
  for (const version of await endpoints.listAllVersions(first, {}, { maxItems: 20 }).toArray()) {
    console.log(`  #${version.version} ${version.name}: ${version.numGpu}x ${version.gpuType}`);
  }
});
