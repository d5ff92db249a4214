import type { CallOptions } from "@friendli-ts/client";
import { type CallCore, makeRequest } from "@friendli-ts/client/internal";
import { complete_upload, get_download_url, get_info, init_upload } from "@friendli-ts/client/routes";
import type { FileDownloadUrl, FileInfo, InitUploadBody, InitUploadResult } from "./spec-types.ts";

const byId = (fileId: string) => ({ path: { file_id: fileId } });

/** The file API's four operations, one request each (see `upload` for the whole flow). */
export function fileOperations(core: CallCore) {
  return {
    async initUpload(body: InitUploadBody, options?: CallOptions): Promise<InitUploadResult> {
      return (await makeRequest(core, { route: init_upload, body }, options)).data;
    },
    async completeUpload(fileId: string, options?: CallOptions): Promise<void> {
      await makeRequest(core, { route: complete_upload, params: byId(fileId) }, options);
    },
    async getInfo(fileId: string, options?: CallOptions): Promise<FileInfo> {
      return (await makeRequest(core, { route: get_info, params: byId(fileId) }, options)).data;
    },
    async getDownloadUrl(fileId: string, options?: CallOptions): Promise<FileDownloadUrl> {
      return (await makeRequest(core, { route: get_download_url, params: byId(fileId) }, options)).data;
    },
  };
}
