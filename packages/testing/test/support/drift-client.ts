// The client's fault-test helpers, the one copy: the drift check watches the same local servers.
export { chatBody, chunk, faultClient, json } from "../../../client/test/support/fault-client.ts";
