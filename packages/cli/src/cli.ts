#!/usr/bin/env node
import { main } from "./main.ts";

const code = await main(process.argv.slice(2));
process.exitCode = code;
// Nothing should be left running; if something is (a socket kept alive), do not hang on it.
setTimeout(() => process.exit(code), 2_000).unref();
