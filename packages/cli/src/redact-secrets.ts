import { redact } from "@friendli-ts/client/internal";

// The SDK's mark, so a secret looks the same whichever of the two removed it.
const MARK = "[redacted]";
// Shorter values are not secrets worth the false matches (a token "x" would mark every x).
const MIN_SECRET = 4;
// A piece of a secret this long, at the start of a cut text, is still a leak.
const MIN_PIECE = 8;

/**
 * Removes secrets (the token, a password in `--base-url`) from text bound for the terminal:
 * the SDK's `redact` takes each whole secret and every run of its first characters (what a
 * cut leaves); this adds any run of 8 or more that is how the secret ends, for text whose
 * start was cut off.
 */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  let result = text;
  for (const secret of secrets) {
    if (secret.length < MIN_SECRET) continue;
    result = redact(result, secret);
    if (secret.length > MIN_PIECE) result = redactEnd(result, secret);
  }
  return result;
}

/** Every run that is the secret's last 8 or more characters. */
function redactEnd(text: string, secret: string): string {
  const tail = secret.slice(-MIN_PIECE);
  let result = "";
  let done = 0;
  for (let at = text.indexOf(tail); at !== -1; at = text.indexOf(tail, done)) {
    const end = at + tail.length;
    let start = at;
    while (
      start > done &&
      end - start < secret.length &&
      text[start - 1] === secret[secret.length - (end - start) - 1]
    ) {
      start--;
    }
    result += text.slice(done, start) + MARK;
    done = end;
  }
  return result + text.slice(done);
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
