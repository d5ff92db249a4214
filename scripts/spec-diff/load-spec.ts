import { parse } from "yaml";
import { readSpecSource } from "../spec/read-spec-source.ts";
import type { Spec } from "./types.ts";

/** Reads a spec from a path or URL, YAML or JSON. */
export async function loadSpec(source: string): Promise<Spec> {
  const text = new TextDecoder().decode(await readSpecSource(source));
  const spec = parse(text) as Spec;
  if (!spec || typeof spec !== "object" || !spec.paths)
    throw new Error(`${source} is not an OpenAPI document (no paths)`);
  return spec;
}
