import type { FriendliClient } from "@friendli-ts/client";
import { callOptions } from "./call-options.ts";
import type { Body, RequestOptions, Result } from "./spec-types.ts";

const FILE = "/beta/file/{file_id}";

export type InitUploadBody = Body<"/beta/file", "post">;

/** The file API's four operations, one request each (see `upload` for the whole flow). */
export function fileOperations(client: FriendliClient) {
  return {
    async initUpload(body: InitUploadBody, options?: RequestOptions): Promise<Result<"/beta/file", "post">> {
      const { header, signal } = callOptions(options);
      return (await client.POST("/beta/file", { body, params: { header }, signal })).data;
    },
    async completeUpload(fileId: string, options?: RequestOptions): Promise<void> {
      const { header, signal } = callOptions(options);
      await client.PATCH(FILE, { params: { path: { file_id: fileId }, header }, signal });
    },
    async getInfo(fileId: string, options?: RequestOptions): Promise<Result<typeof FILE, "get">> {
      const { header, signal } = callOptions(options);
      return (await client.GET(FILE, { params: { path: { file_id: fileId }, header }, signal })).data;
    },
    async getDownloadUrl(
      fileId: string,
      options?: RequestOptions,
    ): Promise<Result<"/beta/file/{file_id}/download_url", "get">> {
      const { header, signal } = callOptions(options);
      const params = { path: { file_id: fileId }, header };
      return (await client.GET("/beta/file/{file_id}/download_url", { params, signal })).data;
    },
  };
}
