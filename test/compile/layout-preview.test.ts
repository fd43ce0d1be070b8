/**
 * The preview and the extension's compile commands ask the server for the table (perf/officialTable,
 * perf/compile): they publish in the document's 表式 and stop on what the layout requires, as `perf compile` does.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { URI } from 'langium';
import { describe, expect, it } from 'vitest';
import { compileDocument, officialTableOf } from '../../src/server/perf-requests.js';
import { createServices, parseDocument } from '../helpers.js';

describe('the server publishes in the document\'s layout', () => {
    it('answers the 指标行 sheet for a document whose 表式 is 指标行', async () => {
        const services = await createServices();
        const document = await parseDocument('部门 "示例局" {\n    表式 "指标行"\n    项目 "甲" {\n        11 "数量" 年度 ≥3个 权重 10\n    }\n}', services);
        const result = await officialTableOf(services.shared, document.uri.toString());
        expect(result.errorCount).toBe(0);
        expect(result.table?.layout).toBe('指标行');
        expect(result.table?.sheet?.blocks[0].rows[0].cells.slice(-6).map(cell => cell.text)).toEqual(['数量', '≥', '3', '个', '10', '']);
    });

    it('a field the 表式 needs and the document lacks: no table, no compile, the first error said where', async () => {
        const services = await createServices();
        const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'perf-layout-server-'));
        const uri = URI.file(path.join(folder, 'form.perf'));
        const text = '部门 "示例局" {\n    表式 "项目表"\n    项目 "甲" {\n        实施单位 "乙"\n    }\n}';
        const document = services.shared.workspace.LangiumDocuments.createDocument(uri, text);
        await services.shared.workspace.DocumentBuilder.build([document], { validation: true });
        const result = await officialTableOf(services.shared, uri.toString());
        expect(result.table).toBeUndefined();
        expect(result.errorCount).toBe(1);
        expect(result.firstError).toMatchObject({ line: 2, character: 7, message: expect.stringMatching(/^表式“项目表”需要主管部门，项目“甲”没有/) });
        const compiled = await compileDocument(services.shared, { uri: uri.toString(), format: 'html' });
        expect(compiled).toEqual({ message: expect.stringMatching(/^文档有 1 个错误，未生成 HTML；先改正第 3 行第 8 列：表式“项目表”需要主管部门/) });
        expect(fs.existsSync(path.join(folder, 'form.html'))).toBe(false);
    });
});
