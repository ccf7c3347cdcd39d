#!/usr/bin/env node
// The command line is written in TypeScript; tsx compiles it on the fly so that
// `npx woonscenario` works straight from a clone, with no build step in between.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../engine/cli.ts");
process.exitCode = await main(process.argv.slice(2));
