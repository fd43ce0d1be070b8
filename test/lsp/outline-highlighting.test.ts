import { SemanticTokensDecoder } from 'langium/lsp';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildDocuments, referenceDocument } from './lsp-helpers.js';
import { createServices } from '../helpers.js';

let reference: Awaited<ReturnType<typeof referenceDocument>>;
beforeAll(async () => { reference = await referenceDocument(); });

describe('outline', () => {
    test('department → projects → indicators, with amounts and codes as detail', async () => {
        const { services, document } = reference;
        const symbols = await services.perf.lsp.DocumentSymbolProvider!.getSymbols(document, { textDocument: { uri: document.uri.toString() } });
        expect(symbols).toHaveLength(1);
        const [department] = symbols;
        expect(department.name).toBe('广州南沙经济技术开发区商务局');
        expect(department.detail).toBe('合计 67,522.75 万元');
        expect(department.children).toHaveLength(28);
        const project = department.children![0];
        expect([project.name, project.detail]).toEqual(['工作经费', '总计 24.00']);
        expect(project.children!.map(indicator => `${indicator.name} | ${indicator.detail}`)).toEqual([
            '南沙港区集装箱吞吐量增长率 | 11-数量指标 · ≥3%',
            '接洽国际知名企业项目线索 | 11-数量指标 · ≥10条',
            '南沙区外贸进出口额增长率 | 13-时效指标 · ≥2%'
        ]);
        const indicators = department.children!.flatMap(p => p.children ?? []);
        expect(indicators).toHaveLength(183);
        expect(indicators.find(i => i.name === '取得建设用地批复')!.detail).toBe('11-数量指标 · 实施周期 无 / 年度 1份');
    });

    test('a catalog: level-1 → level-2 codes with their units', async () => {
        const services = await createServices();
        const [document] = await buildDocuments(services, '指标体系 "本地" {\n    1 "产出指标" {\n        11 "数量指标" 常用单位 "个" "项"\n    }\n}\n');
        const [catalog] = await services.perf.lsp.DocumentSymbolProvider!.getSymbols(document, { textDocument: { uri: document.uri.toString() } });
        expect(catalog.name).toBe('指标体系 本地');
        expect(catalog.children![0].name).toBe('1 产出指标');
        expect(catalog.children![0].children![0]).toMatchObject({ name: '11 数量指标', detail: '常用单位 个 项' });
    });
});

describe('folding', () => {
    test('folds the department, every project and a goal written over several lines', async () => {
        const { services, document, text } = reference;
        const ranges = await services.perf.lsp.FoldingRangeProvider!.getFoldingRanges(document, { textDocument: { uri: document.uri.toString() } });
        const lines = text.split('\n');
        const startsWith = (prefix: string) => ranges.filter(range => lines[range.startLine].trimStart().startsWith(prefix));
        expect(startsWith('部门')).toHaveLength(1);
        expect(startsWith('项目')).toHaveLength(28);
        const goal = startsWith('绩效目标');
        expect(goal.length).toBeGreaterThan(0);
        const commerce = goal.find(range => lines[range.startLine].includes('1.营造良好营商环境'))!;
        expect(lines[commerce.endLine]).toContain('3 合理优化资源配置');
        expect(startsWith('//')).toHaveLength(1);   // the header comment
    });
});

describe('semantic highlighting', () => {
    test('colours keywords, codes, amounts, units, comparators, strings and comments', async () => {
        const services = await createServices();
        const text = '// 注释\n部门 "某局" {\n    单位 万元\n    合计 1,234.50\n    项目 "甲" {\n        1/11 "数量" 指标值 不低于10条\n        31 "满意度" 实施周期 ≥ 90% 年度 "较好"\n    }\n}\n';
        const [document] = await buildDocuments(services, text);
        const provider = services.perf.lsp.SemanticTokenProvider!;
        const tokens = await provider.semanticHighlight(document, { textDocument: { uri: document.uri.toString() } });
        const decoded = SemanticTokensDecoder.decode(tokens, provider.tokenTypes, document)
            .map(token => `${token.text}:${token.tokenType}`);
        expect(decoded).toEqual([
            '// 注释:comment', '部门:keyword', '"某局":string', '单位:keyword', '万元:type', '合计:keyword', '1,234.50:number',
            '项目:keyword', '"甲":string',
            '1:enumMember', '11:enumMember', '"数量":string', '指标值:keyword', '不低于:operator', '10:number', '条:type',
            '31:enumMember', '"满意度":string', '实施周期:keyword', '≥:operator', '90:number', '%:type', '年度:keyword', '"较好":string'
        ]);
    });
});
