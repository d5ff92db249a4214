import { type FriendliClient, prepareCall } from "@friendli-ts/client";
import type { Body, RequestOptions, Result } from "./spec-types.ts";

const FILE = "/beta/file/{file_id}";

export type InitUploadBody = Body<"/beta/file", "post">;

/** The file API's four operations, one request each (see `upload` for the whole flow). */
export function fileOperations(client: FriendliClient) {
  return {
    async initUpload(body: InitUploadBody, options?: RequestOptions): Promise<Result<"/beta/file", "post">> {
      const { client: api, header, signal, headers } = prepareCall(client, options);
      return (await api.POST("/beta/file", { body, params: { header }, signal, headers })).data;
    },
    async completeUpload(fileId: string, options?: RequestOptions): Promise<void> {
      const { client: api, header, signal, headers } = prepareCall(client, options);
      await api.PATCH(FILE, { params: { path: { file_id: fileId }, header }, signal, headers });
    },
    async getInfo(fileId: string, options?: RequestOptions): Promise<Result<typeof FILE, "get">> {
      const { client: api, header, signal, headers } = prepareCall(client, options);
      return (await api.GET(FILE, { params: { path: { file_id: fileId }, header }, signal, headers })).data;
    },
    async getDownloadUrl(
      fileId: string,
      options?: RequestOptions,
    ): Promise<Result<"/beta/file/{file_id}/download_url", "get">> {
      const { client: api, header, signal, headers } = prepareCall(client, options);
      const params = { path: { file_id: fileId }, header };
      return (await api.GET("/beta/file/{file_id}/download_url", { params, signal, headers })).data;
    },
  };
}
