// Loaded by scripts/bench-startup.mjs with --require: the CPU time (user + system, since the process
// began) at the first write to stdout, sent on fd 3. On an idle machine it is close to the wall time;
// on a busy one it is what the start-up itself costs.
const { writeSync } = require("node:fs");
const write = process.stdout.write.bind(process.stdout);
let done = false;
process.stdout.write = (...args) => {
  if (!done) {
    done = true;
    const { user, system } = process.cpuUsage();
    try {
      writeSync(3, `${(user + system) / 1000}\n`);
    } catch {
      // Not started by the bench.
    }
  }
  return write(...args);
};
