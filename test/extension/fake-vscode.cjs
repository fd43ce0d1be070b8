// A stand-in for the `vscode` module, enough to load dist/extension.cjs outside VS Code and run activate()
// up to starting the language client: every API is a recording no-op, commands are collected.
const NAMESPACES = ['window', 'workspace', 'commands', 'languages', 'env', 'extensions', 'Uri', 'ViewColumn',
    'ProgressLocation', 'StatusBarAlignment', 'ThemeColor', 'MarkdownString', 'Position', 'Range',
    'DiagnosticSeverity', 'EventEmitter', 'Disposable', 'l10n', 'version'];

/** Any property, call or `new` gives another no-op; never a thenable, so awaiting it does not hang. */
function anything(path) {
    return new Proxy(function () {}, {
        get: (_target, property) => {
            if (property === 'then') return undefined;
            if (property === Symbol.toPrimitive) return () => path;
            return anything(`${path}.${String(property)}`);
        },
        set: () => true,
        apply: () => anything(`${path}()`),
        construct: () => anything(`new ${path}`)
    });
}

function createFakeVscode() {
    const registeredCommands = [];
    const commands = {
        registerCommand: id => { registeredCommands.push(id); return { dispose() {} }; },
        executeCommand: async () => undefined
    };
    // The English source text with its {0} filled in, as VS Code gives it without a translation.
    const l10n = { t: (message, ...args) => message.replace(/\{(\d+)\}/g, (_, index) => String(args[index])) };
    const api = new Proxy({}, {
        get: (_target, property) => {
            if (property === 'then') return undefined;
            if (property === 'version') return '1.101.0';
            if (property === 'commands') return commands;
            if (property === 'l10n') return l10n;
            return anything(`vscode.${String(property)}`);
        },
        ownKeys: () => NAMESPACES,
        getOwnPropertyDescriptor: () => ({ enumerable: true, configurable: true })
    });
    return { api, registeredCommands };
}

module.exports = { createFakeVscode };
