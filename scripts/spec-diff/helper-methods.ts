/**
 * The wrapper methods that call no operation of their own but others' (list walks, waits,
 * `open`): for each, the methods of the package's operation table it calls. `*` stands for
 * each inference deployment. A handle's method (`handle.uploadSamples`) is named as users
 * call it on the handle `datasets.open` gives. A test walks each facade so a new helper
 * cannot be left out.
 */
export const helperMethods: Record<string, Record<string, readonly string[]>> = {
  inference: {
    "*.chat.parse": ["*.chat.complete"],
    "*.chat.runTools": ["*.chat.complete", "*.chat.stream"],
  },
  endpoints: {
    listAll: ["list"],
    listAllVersions: ["listVersions"],
    waitFor: ["status"],
    createAndWait: ["create", "status"],
    createFromWandbArtifactAndWait: ["createFromWandbArtifact", "status"],
    wakeAndWait: ["wake", "status"],
    "cost.listAll": ["cost.get"],
    "usage.listAll": ["usage.get"],
  },
  datasets: {
    "datasets.listAll": ["datasets.list"],
    "datasets.open": ["datasets.list", "datasets.create", "splits.list", "splits.create"],
    "datasets.openById": ["datasets.get"],
    "splits.listAll": ["splits.list"],
    "samples.listAll": ["samples.list"],
    "files.upload": ["files.initUpload", "files.completeUpload", "files.getInfo"],
    "handle.uploadSamples": [
      "splits.list",
      "splits.create",
      "samples.add",
      "samples.list",
      "files.initUpload",
      "files.completeUpload",
      "files.getInfo",
      "files.getDownloadUrl",
    ],
  },
};

/** The low-level client every facade carries: any operation, reported apart. */
export const lowLevelMembers = /^(client\.|withOptions$)|\.client\./;
