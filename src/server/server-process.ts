import { setFlagsFromString } from 'node:v8';

/**
 * How the language server's process uses memory (figures in docs/performance.md).
 *
 * Node options for starting it, as the VS Code client and the benchmark do. 16 MiB semi-spaces, V8's own
 * default on 64-bit systems, named here because earlier rounds set 2 and 8 MiB to lower the server's peak: a
 * keystroke in a 300-indicator file allocates ~10 MiB, so 8 MiB semi-spaces scavenged 1.3 times per
 * keystroke, each copying the new document (which survives), and the keystroke p95 was about twice as high
 * for ~15 MiB less peak (sixth round in docs/performance.md). V8 reads this one at start-up only.
 */
export const SERVER_EXEC_ARGV: readonly string[] = ['--max-semi-space-size=16'];

/**
 * Environment for starting it, merged into the editor's: glibc gives each of V8's threads its own malloc
 * arena, which kept ~15 MiB the server no longer used (Linux only; other systems ignore the variable).
 */
export const SERVER_ENV: Readonly<Record<string, string>> = { MALLOC_ARENA_MAX: '1' };

/**
 * While someone types, each keystroke's re-parse leaves ~1 MiB of garbage. With V8's default heap growth the
 * next full collection waited until the heap had grown several times over: the server climbed ~1.2 MiB per
 * keystroke (415 MiB after 200 keystrokes in a 25,000-indicator workspace) before falling back. Collecting
 * once the heap has grown by a quarter keeps it flat at any workspace size, unlike a fixed
 * --max-old-space-size, which would crash a bigger workspace. V8 reads this one at every collection, so it is
 * set here, for every way the server is started (VS Code, `perf lsp --stdio`).
 */
export function collectGarbageEarly(): void {
    setFlagsFromString('--heap-growing-percent=25');
}
