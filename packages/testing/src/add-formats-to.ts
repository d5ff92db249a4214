import addFormats from "ajv-formats";

/**
 * ajv-formats' plugin, however the module system hands it over: Node gives its CommonJS
 * exports, with the plugin on `default`; some bundlers give the plugin itself.
 */
export const addFormatsTo: typeof addFormats.default =
  addFormats.default ?? (addFormats as unknown as typeof addFormats.default);
