import { describe, expect, test } from 'vitest';
import { ResponseError } from 'vscode-languageserver';
import { createServices } from '../helpers.js';
import { buildDocuments, positionOf } from './lsp-helpers.js';

const TABLE = [
    '部门 "测试局" {',
    '    单位 万元',
    '    指标体系 "本省"',
    '    项目 "培训" {',
    '        总计 10.00',
    '        财政拨款 10.00',
    '        绩效目标 "完成培训。"',
    '        91 "培训场次" 指标值 ≥3场',
    '        9/91 "培训人次" 指标值 ≥30人次',
    '        92 "学员满意度" 指标值 ≥90%',
    '    }',
    '}',
    ''
].join('\n');

const CATALOG = [
    '指标体系 "本省" {',
    '    9 "产出指标" {',
    '        91 "数量指标"',
    '    }',
    '    8 "满意度指标" {',
    '        92 "服务对象满意度"',
    '    }',
    '}',
    ''
].join('\n');

describe('rename', () => {
    test('on a built-in catalog code it refuses with a message, in prepareRename and rename', async () => {
        const services = await createServices();
        const text = TABLE.replace('    指标体系 "本省"\n', '').replaceAll('91', '11').replaceAll('9/', '1/').replace('92', '31');
        const [document] = await buildDocuments(services, text);
        const rename = services.perf.lsp.RenameProvider!;
        const at = { textDocument: { uri: document.uri.toString() }, position: positionOf(text, '11 "培训场次"') };
        for (const call of [() => rename.prepareRename(document, at), () => rename.rename(document, { ...at, newName: '19' })]) {
            let refusal: unknown;
            try {
                await call();
            } catch (error) {
                refusal = error;
            }
            expect(refusal).toBeInstanceOf(ResponseError);
            expect((refusal as ResponseError<void>).message).toContain('“11”由内置指标体系（builtin:/catalogs/2015.perf）定义');
            expect((refusal as ResponseError<void>).message).toContain('不能重命名');
        }
    });

    test('on a workspace catalog code it edits the declaration and every use in every file', async () => {
        const services = await createServices();
        const second = TABLE.replace('"测试局"', '"第二局"');
        const [catalog, first, other] = await buildDocuments(services, CATALOG, TABLE, second);
        const rename = services.perf.lsp.RenameProvider!;
        const at = { textDocument: { uri: first.uri.toString() }, position: positionOf(TABLE, '91 "培训场次"') };
        expect(rename.prepareRename(first, at)).toEqual({ start: at.position, end: { ...at.position, character: at.position.character + 2 } });
        const edit = await rename.rename(first, { ...at, newName: '19' });
        const apply = (uri: string, text: string) => [...edit!.changes![uri] ?? []]
            .sort((a, b) => b.range.start.line - a.range.start.line || b.range.start.character - a.range.start.character)
            .reduce((result, change) => {
                const lines = result.split('\n');
                const line = lines[change.range.start.line];
                lines[change.range.start.line] = line.slice(0, change.range.start.character) + change.newText + line.slice(change.range.end.character);
                return lines.join('\n');
            }, text);
        expect(Object.keys(edit!.changes!).sort()).toEqual([catalog, first, other].map(d => d.uri.toString()).sort());
        expect(apply(catalog.uri.toString(), CATALOG)).toBe(CATALOG.replace('91 "数量指标"', '19 "数量指标"'));
        const renamed = TABLE.replace('91 "培训场次"', '19 "培训场次"').replace('9/91', '9/19');
        expect(apply(first.uri.toString(), TABLE)).toBe(renamed);
        expect(apply(other.uri.toString(), second)).toBe(renamed.replace('"测试局"', '"第二局"'));
    });
});
