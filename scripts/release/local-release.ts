import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { repoRoot } from "../spec/paths.ts";
import { type LocalRegistry, startLocalRegistry } from "./local-registry.ts";
import { createReleaseSandbox, type ReleaseSandbox } from "./release-sandbox.ts";
import { ensureReleaseTools, type ReleaseTools } from "./release-tools.ts";
import { runStep, type StepResult } from "./run-step.ts";

const changesetBin = createRequire(import.meta.url).resolve("@changesets/cli/bin.js");
const tsx = join(repoRoot, "node_modules", ".bin", "tsx");

export interface LocalRelease {
  registry: LocalRegistry;
  sandbox: ReleaseSandbox;
  tools: ReleaseTools;
  /** The environment the release steps run in: the local registry, and a token for it. */
  releaseEnv: NodeJS.ProcessEnv;
  /** What the last `release()` published: package name to version. */
  published: Map<string, string>;
  /**
   * `changeset version` on the copy, then the release script's publish (`pnpm release`, as
   * the release workflow runs it), each with its own time limit.
   */
  release(onStep?: (name: string, step: StepResult) => void): Promise<Map<string, string>>;
  /** Stops the registry and removes the copy and the registry's folder. */
  stop(): Promise<void>;
}

/**
 * The environment of the calling process without what would steer the tools it starts (a
 * `pnpm test` or `pnpm run` sets npm_* variables), with 127.0.0.1 kept off any proxy.
 */
export function toolEnv(): NodeJS.ProcessEnv {
  const noProxy = ["127.0.0.1", "localhost", process.env.NO_PROXY ?? process.env.no_proxy].filter(Boolean).join(",");
  return {
    ...Object.fromEntries(
      Object.entries(process.env).filter(
        ([key]) => !/^(npm_|pnpm_|yarn_|bun_|vitest|node_options$|node_env$|friendli_|turbo_|init_cwd$)/i.test(key),
      ),
    ),
    NO_PROXY: noProxy,
    no_proxy: noProxy,
    // changeset publish tags each release in the copy's git repository.
    GIT_AUTHOR_NAME: "local-release",
    GIT_AUTHOR_EMAIL: "local-release@localhost",
    GIT_COMMITTER_NAME: "local-release",
    GIT_COMMITTER_EMAIL: "local-release@localhost",
  };
}

/**
 * Verdaccio on 127.0.0.1 and a copy of the repository with the built packages and the pending
 * changesets, ready to `release()` into it. The checkout is never changed.
 */
export async function startLocalRelease(): Promise<LocalRelease> {
  const env = toolEnv();
  const dir = realpathSync(mkdtempSync(join(tmpdir(), "friendli-local-registry-")));
  let registry: LocalRegistry | undefined;
  let sandbox: ReleaseSandbox | undefined;
  const stop = async () => {
    await registry?.stop();
    sandbox?.remove();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const tools = await ensureReleaseTools(env);
    const upstream = (
      await runStep("npm", ["config", "get", "registry"], { cwd: dir, env, timeout: 30_000 })
    ).stdout.trim();
    mkdirSync(join(dir, "verdaccio"));
    registry = await startLocalRegistry({ dir: join(dir, "verdaccio"), upstream, verdaccio: tools.verdaccio, env });
    sandbox = createReleaseSandbox({ pendingChangesets: true, packageFiles: true });
    const ready = { registry, sandbox };
    const releaseEnv = { ...env, npm_config_userconfig: registry.npmrc, npm_config_registry: registry.url };
    const local: LocalRelease = {
      ...ready,
      tools,
      releaseEnv,
      published: new Map(),
      async release(onStep) {
        const planned = await plannedReleases(ready.sandbox, releaseEnv, dir);
        const version = await runStep(process.execPath, [changesetBin, "version"], {
          cwd: ready.sandbox.dir,
          env: releaseEnv,
          timeout: 60_000,
        });
        onStep?.("changeset version", version);
        const publish = await runStep(tsx, [join(repoRoot, "scripts/release/release.ts"), "--no-build"], {
          cwd: ready.sandbox.dir,
          env: releaseEnv,
          timeout: 120_000,
        });
        onStep?.("release script (publish)", publish);
        local.published = planned;
        return planned;
      },
      stop,
    };
    return local;
  } catch (error) {
    await stop();
    throw error;
  }
}

/** What `changeset status` says the next `changeset version` releases (published packages only): name to version. */
export async function plannedReleases(
  sandbox: ReleaseSandbox,
  env: NodeJS.ProcessEnv,
  scratch: string,
): Promise<Map<string, string>> {
  const out = join(scratch, `status-${Date.now()}.json`);
  await runStep(process.execPath, [changesetBin, "status", `--output=${out}`], {
    cwd: sandbox.dir,
    env,
    timeout: 60_000,
  });
  const { releases } = JSON.parse(readFileSync(out, "utf8")) as { releases: { name: string; newVersion: string }[] };
  rmSync(out);
  return new Map(releases.filter((r) => !sandbox.manifest(r.name).private).map((r) => [r.name, r.newVersion]));
}
