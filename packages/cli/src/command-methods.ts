/**
 * The library methods each `friendli` command calls, named as in the packages' operation
 * tables (`<package>.<method>`; a helper such as `cost.listAll` is named by the method it
 * pages through). Read by `pnpm spec:diff` to tell which commands a spec change reaches.
 * Not imported by the program: a test checks it against the commands `buildProgram` registers.
 */
export const commandMethods = {
  chat: ["inference.serverless.chat.stream", "inference.dedicated.chat.stream"],
  tokenize: ["inference.serverless.token.tokenize", "inference.dedicated.token.tokenize"],
  detokenize: ["inference.serverless.token.detokenize", "inference.dedicated.token.detokenize"],
  "endpoints list": ["endpoints.list"],
  "endpoints get": ["endpoints.get"],
  "endpoints status": ["endpoints.status"],
  "endpoints wait": ["endpoints.status"],
  "endpoints sleep": ["endpoints.sleep"],
  "endpoints wake": ["endpoints.wake", "endpoints.status"],
  "endpoints terminate": ["endpoints.terminate"],
  cost: ["endpoints.cost.get"],
  usage: ["endpoints.usage.get"],
  "datasets create": ["datasets.datasets.list", "datasets.datasets.create", "datasets.splits.create"],
  "datasets list": ["datasets.datasets.list"],
  "datasets upload": [
    "datasets.datasets.get",
    "datasets.splits.list",
    "datasets.splits.create",
    "datasets.samples.add",
    "datasets.samples.list",
    "datasets.files.initUpload",
    "datasets.files.completeUpload",
    "datasets.files.getInfo",
    "datasets.files.getDownloadUrl",
  ],
  "files upload": ["datasets.files.initUpload", "datasets.files.completeUpload", "datasets.files.getInfo"],
  // Serves the mock from the spec the testing package ships; calls no library method.
  mock: [],
} as const satisfies Record<string, readonly string[]>;
