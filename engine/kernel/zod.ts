import { z } from "zod";

/**
 * zod as the engine uses it: without its just-in-time compiled parsers. Those are built with
 * `new Function`, which the pages' Content-Security-Policy forbids (no eval). The switch must be set
 * before any schema is built, so every schema module imports `z` from here, never from "zod".
 */
z.config({ jitless: true });

export { z };
