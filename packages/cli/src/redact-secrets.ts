import { redact } from "@friendli-ts/client/internal";

// Shorter values are not secrets worth the false matches (a token "x" would mark every x).
const MIN_SECRET = 4;

/**
 * Removes secrets (the token, a password in `--base-url`) from text bound for the terminal,
 * with the SDK's `redact`: each whole secret in any case or escaped form, and any run of 8 or
 * more of its characters (what a cut at either end leaves of it).
 */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  let result = text;
  for (const secret of secrets) if (secret.length >= MIN_SECRET) result = redact(result, secret);
  return result;
}

/**
 * The secrets of this run: the token values given on the command line (`--token X`,
 * `--token=X`) and in FRIENDLI_TOKEN, and the password of a base URL (`--base-url`,
 * FRIENDLI_BASE_URL), read from the text since a URL with a mistake in it does not parse.
 */
export function secretsOf(argv: readonly string[], env: NodeJS.ProcessEnv): string[] {
  const secrets: string[] = [];
  const baseUrls: string[] = [];
  if (env.FRIENDLI_TOKEN) secrets.push(env.FRIENDLI_TOKEN);
  if (env.FRIENDLI_BASE_URL) baseUrls.push(env.FRIENDLI_BASE_URL);
  argv.forEach((arg, i) => {
    const next = argv[i + 1];
    if (arg === "--token" && next !== undefined) secrets.push(next);
    else if (arg.startsWith("--token=")) secrets.push(arg.slice("--token=".length));
    else if (arg === "--base-url" && next !== undefined) baseUrls.push(next);
    else if (arg.startsWith("--base-url=")) baseUrls.push(arg.slice("--base-url=".length));
  });
  for (const url of baseUrls) {
    const password = passwordOf(url);
    if (password) secrets.push(password);
  }
  return secrets;
}

// `scheme://user:password@host`: what sits between `//` and the last `@`. A URL with a
// mistake may hold `/` or `@` in its password, so this reads past them rather than stop short.
const USER_INFO = /^(\s*(?:[a-z][a-z0-9+.-]*:)?\/*)(.*)@/is;

/** The password in a URL's user info, without parsing it (it may not parse). */
function passwordOf(url: string): string | undefined {
  const userInfo = USER_INFO.exec(url)?.[2];
  const colon = userInfo?.indexOf(":") ?? -1;
  return colon === -1 ? undefined : userInfo?.slice(colon + 1);
}
