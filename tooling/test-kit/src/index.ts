export { everythingAnErrorShows, findSecret, readEscapes } from "./everything-an-error-shows.ts";
export { expectWrongShape } from "./expect-wrong-shape.ts";
export { operationIdsByTag } from "./operation-ids-by-tag.ts";
export { recordSentRequests, type SentRequest, type SentRequests } from "./record-sent-requests.ts";
export { type RunNodeScriptOptions, runNodeScript } from "./run-node-script.ts";
export { serveFaults } from "./serve-faults.ts";
export {
  type FaultHandler,
  type FaultServer,
  type RecordedRequest,
  startFaultServer,
  writeChunks,
} from "./start-fault-server.ts";
export {
  type AnswerShapes,
  anyJson,
  badText,
  badTimeout,
  type FuzzAnswer,
  type FuzzServer,
  fuzzAnswer,
  fuzzParameters,
  nearMiss,
  startFuzzServer,
} from "./start-fuzz-server.ts";
export { type MockServer, type MockServerOptions, startMockServer } from "./start-mock-server.ts";
export { type Stoppable, stopAfterEach } from "./stop-after-each.ts";
export { type TimedRequestRule, timeoutOnlyFor } from "./timeout-only-for.ts";
export { tokenEchoForms } from "./token-echo-forms.ts";
export { imageText, visionSamples } from "./vision-samples.ts";
export { socketClosed, writeForever } from "./write-forever.ts";
