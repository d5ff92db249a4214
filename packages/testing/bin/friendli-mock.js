#!/usr/bin/env node
// A committed launcher, so the bin exists before the first build (pnpm links workspace bins
// at install time and warns about a missing target); the command itself is built into dist.
import "../dist/bin/friendli-mock.js";
