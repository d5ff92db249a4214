import { existsSync } from "node:fs";

/** Debian's chromium (.ci/run installs it), or the one CHROMIUM_PATH names. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Without it a browser test is skipped, except under CI, where its absence is a failure. */
export const skipWithoutChromium = !existsSync(chromiumPath) && !process.env.CI;

/** What the tests use of playwright-core's `chromium` (passed in: the kit does not depend on it). */
interface ChromiumLauncher<Browser> {
  launch(options: { executablePath: string; args: string[] }): Promise<Browser>;
}

/** A headless Chromium kept off the network; tests run as root, hence no sandbox. */
export function launchChromium<Browser>(chromium: ChromiumLauncher<Browser>): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
  });
}
