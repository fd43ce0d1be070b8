/**
 * The client's words in English and Chinese (vscode.l10n): every message, title, prompt and status-bar text
 * of src/extension goes through vscode.l10n.t with an English key, and l10n/bundle.l10n.zh-cn.json translates
 * exactly the keys the sources use (none missing, none stale), keeping each key's {0} placeholders.
 * The sources are parsed with the TypeScript compiler, not searched with a pattern.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';
import { describe, expect, test } from 'vitest';
import { repoRoot } from '../helpers.js';

const EXTENSION_DIR = path.join(repoRoot, 'src/extension');
/** Registered only for the end-to-end runs: its PASS/FAIL lines are for the test log, never shown to a user. */
const TEST_ONLY = new Set(['self-check.ts']);
/** Where the VS Code API shows a string to the user: options and item properties, and status-bar fields. */
const SHOWN_PROPERTIES = new Set(['title', 'prompt', 'placeHolder', 'openLabel', 'description', 'tooltip', 'text', 'name']);
const SHOWN_CALLS = /^vscode\.window\.show(Information|Warning|Error)Message$/;

interface Finding { file: string; line: number; text: string }

const sources = fs.readdirSync(EXTENSION_DIR).filter(file => file.endsWith('.ts') && !TEST_ONLY.has(file)).map(file => ({
    file, source: ts.createSourceFile(file, fs.readFileSync(path.join(EXTENSION_DIR, file), 'utf8'), ts.ScriptTarget.Latest, true)
}));
const where = (source: ts.SourceFile, node: ts.Node) => ({ file: source.fileName, line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1 });
const isL10nCall = (node: ts.Node): node is ts.CallExpression => ts.isCallExpression(node) && node.expression.getText() === 'vscode.l10n.t';
/** A literal with words in it (an icon like `$(check)` or a bare placeholder is not wording). */
const isWording = (node: ts.Node) => (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node))
    && /[A-Za-z\u4e00-\u9fff]{2,}/.test(node.getText().replace(/\$\([\w-]+\)|\$\{[^}]*\}/g, ''));

/** The l10n.t keys of a source, the keys that are not literals, and the bare wording where a user sees it. */
function scan(source: ts.SourceFile) {
    const found = { keys: [] as Finding[], nonLiteralKeys: [] as Finding[], untranslated: [] as Finding[] };
    const visit = (node: ts.Node): void => {
        if (isL10nCall(node)) {
            const [key] = node.arguments;
            if (ts.isStringLiteral(key) || ts.isNoSubstitutionTemplateLiteral(key)) {
                found.keys.push({ ...where(source, node), text: key.text });
            } else {
                found.nonLiteralKeys.push({ ...where(source, node), text: node.getText() });
            }
        }
        const shown = ts.isCallExpression(node) && SHOWN_CALLS.test(node.expression.getText()) ? [...node.arguments]
            : ts.isPropertyAssignment(node) && SHOWN_PROPERTIES.has(node.name.getText()) ? [node.initializer]
                : ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(node.left)
                    && SHOWN_PROPERTIES.has(node.left.name.text) ? [node.right] : [];
        const collect = (inner: ts.Node): void => {
            if (isL10nCall(inner)) return; // translated: its other arguments are the values put in
            if (isWording(inner)) found.untranslated.push({ ...where(source, inner), text: inner.getText() });
            ts.forEachChild(inner, collect);
        };
        shown.forEach(collect);
        ts.forEachChild(node, visit);
    };
    visit(source);
    return found;
}
const scanned = sources.map(({ source }) => scan(source));
const keys = scanned.flatMap(found => found.keys);
const usedKeys = [...new Set(keys.map(key => key.text))].sort();
const chinese: Record<string, string> = JSON.parse(fs.readFileSync(path.join(repoRoot, 'l10n/bundle.l10n.zh-cn.json'), 'utf8'));
const placeholders = (text: string) => [...text.matchAll(/\{\d+\}/g)].map(match => match[0]).sort();

describe('the client\'s words through vscode.l10n', () => {
    test('every user-visible string of src/extension is a vscode.l10n.t call with a literal English key', () => {
        expect(keys.length).toBeGreaterThan(30);
        expect(scanned.flatMap(found => found.nonLiteralKeys)).toEqual([]);
        expect(scanned.flatMap(found => found.untranslated)).toEqual([]);
        // An English source: keys are not the bilingual "中文 (English)" strings of before.
        expect(usedKeys.filter(key => !/[A-Za-z]/.test(key) || /^perf：/.test(key))).toEqual([]);
    });

    test('the zh-cn bundle translates exactly the keys in use, in Chinese, with the same placeholders', () => {
        expect(Object.keys(chinese).filter(key => !usedKeys.includes(key))).toEqual([]); // none stale
        expect(usedKeys.filter(key => !(key in chinese))).toEqual([]); // none missing
        for (const key of usedKeys) {
            expect(chinese[key], key).not.toBe(key);
            expect(chinese[key], key).toMatch(/[\u4e00-\u9fff\uff00-\uffef]/); // Chinese, or at least its full-width punctuation
            expect(placeholders(chinese[key]), key).toEqual(placeholders(key));
        }
    });

    test('the check finds bare wording where a user sees it, and a key that is not a literal', () => {
        const probe = ts.createSourceFile('probe.ts', [
            "vscode.window.showWarningMessage('perf：请先打开 (open first)');",
            'item.text = `合计 ${total}`;',
            "const quiet = { title: vscode.l10n.t('Stays {0}', name), description: '$(check)', other: 'not shown' };",
            'vscode.l10n.t(message);'
        ].join('\n'), ts.ScriptTarget.Latest, true);
        const found = scan(probe);
        expect(found.untranslated.map(finding => [finding.line, finding.text])).toEqual([[1, "'perf：请先打开 (open first)'"], [2, '`合计 ${total}`']]);
        expect(found.nonLiteralKeys.map(finding => finding.line)).toEqual([4]);
        expect(found.keys.map(finding => finding.text)).toEqual(['Stays {0}']);
    });
});
