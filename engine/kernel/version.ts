/** Bumped whenever a change alters results; every output carries it. Kept equal to package.json's version. */
export const ENGINE_VERSION = "0.7.0";
