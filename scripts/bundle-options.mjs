// esbuild options shared by every perf bundle: the extension's client and server (scripts/extension/bundle.mjs)
// and the command line (scripts/cli/bundle.mjs). Each adds its own format, entry points and output.

/** One self-contained bundle for the oldest Node that package.json's engines admit. */
export const nodeBundleOptions = {
    bundle: true,
    platform: 'node',
    target: 'node20',
    logLevel: 'warning'
};

/** "1234 KiB": a bundle's size for the one line a bundle script prints. */
export function kibibytes(bytes) {
    return `${(bytes / 1024).toFixed(0)} KiB`;
}
