import { InputError } from './input-error.js';

/**
 * `perf lsp --stdio`: the same language server as the VS Code extension, for any editor (Neovim, Emacs,
 * Helix, Sublime …), as `deno lsp` does. It serves until the client sends `exit` or closes stdin.
 */
export async function lspCommand(options: { stdio?: boolean }): Promise<number> {
    if (!options.stdio) {
        throw new InputError('lsp: 请加 --stdio（the server speaks LSP over stdin/stdout: perf lsp --stdio）');
    }
    await import('../server/main.js');
    return 0;
}
