/**
 * The layout starters of snippets/perf.json (issue 14): each, with its placeholders at their defaults, is a
 * document that parses without error, names its layout where it can, and is already in the formatter's layout.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { formattedText } from '../../src/language/lsp/formatter.js';
import { createServices, diagnosticsOf, parseDocument, repoRoot } from '../helpers.js';

const snippets = JSON.parse(fs.readFileSync(path.join(repoRoot, 'snippets/perf.json'), 'utf8')) as Record<string, { prefix: string[]; body: string[] }>;

/** The text VS Code inserts when every placeholder is left at its default (the first choice), one tab = 4 spaces. */
function expand(body: string[], indent: string): string {
    return body.map(line => indent + line.replace(/\t/g, '    ')).join('\n')
        .replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$\{\d+\|([^,|]*)[^}]*\}/g, '$1').replace(/\$\d+/g, '').trimEnd() + '\n';
}

const inDepartment = (layout: string, inner: string) => `部门 "示例局" {\n    表式 "${layout}"\n    单位 万元\n\n${inner}}\n`;

describe('layout snippets', () => {
    const starters = [
        { prefix: '项目表', text: (body: string[]) => inDepartment('项目表', expand(body, '    ')) },
        { prefix: '指标行', text: (body: string[]) => inDepartment('指标行', `    项目 "甲" {\n${expand(body, '        ')}    }\n`) },
        { prefix: '部门整体', text: (body: string[]) => expand(body, '') }
    ];

    test.each(starters)('$prefix: parses without error and is in the canonical layout', async ({ prefix, text }) => {
        const snippet = Object.values(snippets).find(candidate => candidate.prefix.includes(prefix));
        expect(snippet, prefix).toBeTruthy();
        const document = text(snippet!.body);
        const services = await createServices();
        const parsed = await parseDocument(document, services);
        expect(parsed.parseResult.parserErrors.map(error => error.message)).toEqual([]);
        expect(diagnosticsOf(parsed, 1)).toEqual([]);
        expect(document).toContain(prefix === '指标行' ? '计量单位 "个" 权重 10 正向 定量' : `表式 "${prefix}"`);
        expect(await formattedText(services.perf.lsp.Formatter!, parsed)).toBe(document);
    });
});
