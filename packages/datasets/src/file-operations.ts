import type { CallOptions, FriendliClient } from "@friendli-ts/client";
import type { FileDownloadUrl, FileInfo, InitUploadBody, InitUploadResult } from "./spec-types.ts";

const FILE = "/beta/file/{file_id}";

/** The file API's four operations, one request each (see `upload` for the whole flow). */
export function fileOperations(client: FriendliClient) {
  return {
    async initUpload(body: InitUploadBody, options?: CallOptions): Promise<InitUploadResult> {
      return (await client.POST("/beta/file", { ...options, body })).data;
    },
    async completeUpload(fileId: string, options?: CallOptions): Promise<void> {
      await client.PATCH(FILE, { ...options, params: { path: { file_id: fileId } } });
    },
    async getInfo(fileId: string, options?: CallOptions): Promise<FileInfo> {
      return (await client.GET(FILE, { ...options, params: { path: { file_id: fileId } } })).data;
    },
    async getDownloadUrl(fileId: string, options?: CallOptions): Promise<FileDownloadUrl> {
      const params = { path: { file_id: fileId } };
      return (await client.GET("/beta/file/{file_id}/download_url", { ...options, params })).data;
    },
  };
}
