#!/usr/bin/env node
// The command line is written in TypeScript; tsx compiles it on the fly so that
// `npx woonscenario` works straight from a clone, with no build step in between.
import { register } from "tsx/esm/api";

register();
// Piping into `head` closes stdout early; that is the reader's choice, not an error.
process.stdout.on("error", (error) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});
const { main } = await import("../engine/transport/cli.ts");
process.exitCode = await main(process.argv.slice(2));
