/** Tokenises .perf text with the extension's TextMate grammar, the way VS Code does (vscode-textmate + oniguruma). */
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import oniguruma from 'vscode-oniguruma';
import textmate from 'vscode-textmate';
import { repoRoot } from '../helpers.js';

export interface Token {
    text: string;
    scopes: string[];
}

let grammarPromise: Promise<textmate.IGrammar> | undefined;

async function loadGrammar(): Promise<textmate.IGrammar> {
    const wasm = fs.readFileSync(path.join(path.dirname(createRequire(import.meta.url).resolve('vscode-oniguruma')), 'onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer);
    const registry = new textmate.Registry({
        onigLib: Promise.resolve({
            createOnigScanner: patterns => new oniguruma.OnigScanner(patterns),
            createOnigString: text => new oniguruma.OnigString(text)
        }),
        loadGrammar: async scopeName => scopeName === 'source.perf'
            ? textmate.parseRawGrammar(fs.readFileSync(path.join(repoRoot, 'syntaxes', 'perf.tmLanguage.json'), 'utf8'), 'perf.tmLanguage.json')
            : null
    });
    const grammar = await registry.loadGrammar('source.perf');
    if (!grammar) {
        throw new Error('syntaxes/perf.tmLanguage.json did not load');
    }
    return grammar;
}

/** One token list per line; the rule stack carries over lines (block comments). */
export async function tokenizeLines(text: string): Promise<Token[][]> {
    const grammar = await (grammarPromise ??= loadGrammar());
    let ruleStack = textmate.INITIAL;
    return text.split(/\r?\n/).map(line => {
        const result = grammar.tokenizeLine(line, ruleStack);
        ruleStack = result.ruleStack;
        return result.tokens.map(token => ({ text: line.slice(token.startIndex, token.endIndex), scopes: token.scopes }));
    });
}

/** The innermost scope of the first token whose text is exactly `text` on the line. */
export function scopeOf(tokens: Token[], text: string): string | undefined {
    return tokens.find(token => token.text === text)?.scopes.at(-1);
}
