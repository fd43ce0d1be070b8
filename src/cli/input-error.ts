/**
 * A problem that stops the command before any document is read: printed as one line, exit code 2. In a file
 * of its own so that `perf --help` and a cached `perf check` load no more than this.
 */
export class InputError extends Error {}
