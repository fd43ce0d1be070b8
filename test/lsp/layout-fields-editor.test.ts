/**
 * The fields of the other layouts (issue 14) in the editor, over `perf lsp --stdio` as an editor speaks to it:
 * completion, hover, outline, folding, formatting and semantic highlighting know every new field.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { CompletionItem, CompletionList, DocumentSymbol, FoldingRange, Hover, TextEdit } from 'vscode-languageserver-types';
import { PerfGrammar } from '../../src/language/generated/grammar.js';
import { grammarKeywordDoc } from '../../src/language/lsp/keyword-docs.js';
import { isComparatorKeyword } from '../../src/language/numberish.js';
import { AstUtils, GrammarAST, TextDocument } from 'langium';
import { cursorAt, positionOf } from './lsp-helpers.js';
import { startLspSession, type LspSession } from './lsp-client.js';
import { DEPARTMENT_TABLE, PROJECT_FORM } from './layout-fields-fixtures.js';


let session: LspSession;
let opened = 0;

/** Opens `text` as a new document and returns its uri. */
async function open(text: string): Promise<string> {
    const uri = `file:///layout-fields/doc-${++opened}.perf`;
    await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'perf', version: 1, text } });
    return uri;
}

async function completionAt(textWithCursor: string): Promise<CompletionItem[]> {
    const { text, position } = cursorAt(textWithCursor);
    const uri = await open(text);
    const result = await session.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position }) as CompletionList | CompletionItem[];
    return Array.isArray(result) ? result : result.items;
}

async function hoverAt(uri: string, text: string, needle: string, after?: string): Promise<string> {
    const position = positionOf(text, needle, { after });
    const hover = await session.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position }) as Hover | null;
    return hover ? (hover.contents as { value: string }).value : '';
}

const labels = (items: CompletionItem[]) => items.map(item => item.label);
const sortedLabels = (items: CompletionItem[]) => [...items].sort((a, b) => a.sortText!.localeCompare(b.sortText!)).map(item => item.label);

beforeAll(async () => { session = await startLspSession(); }, 30_000);
afterAll(async () => { await session?.close(); });

describe('completion of the new fields', () => {
    test('a project block offers the header, funds, goals, costs and score fields, Chinese and English', async () => {
        const items = await completionAt('部门 "某局" {\n    项目 "甲" {\n        |\n    }\n}\n');
        expect(labels(items)).toEqual(expect.arrayContaining([
            '主管部门', '实施单位', '项目属性', '项目类别', '项目性质', '起止时间', '项目负责人', '信息', '资金',
            '中期预算', '实施期目标', '年度目标', '长期目标', '中期目标', '成本', '分值范围', '预算执行率',
            'supervisor', 'dates', 'fund', 'cost', 'score-range', 'execution-score', 'period-goal'
        ]));
        const supervisor = items.find(item => item.label === '主管部门')!;
        expect(supervisor.detail).toBe('主管部门');
        expect((supervisor.documentation as { value: string }).value).toContain('例：`主管部门 "某县教育局" 编码 "015001"`');
        expect(items.find(item => item.label === 'supervisor')!.sortText! > supervisor.sortText!).toBe(true);
    });

    test('a field already written is not offered again; a repeatable one (资金, 成本) is', async () => {
        const items = labels(await completionAt('部门 "某局" {\n    项目 "甲" {\n        主管部门 "某局"\n        成本 "材料费" 1.00\n        |\n    }\n}\n'));
        expect(items).not.toContain('主管部门');
        expect(items).not.toContain('supervisor');
        expect(items).toEqual(expect.arrayContaining(['成本', '资金', '实施单位']));
    });

    test('a department block offers 表式, 部门职责, 年度目标 and the department\'s own indicators', async () => {
        const items = labels(await completionAt('部门 "某局" {\n    |\n}\n'));
        expect(items).toEqual(expect.arrayContaining(['表式', '部门职责', '年度目标', '资金', 'layout', 'duties', 'annual-goal', '11 数量指标（产出指标）']));
        expect(items).not.toContain('主管部门');
    });

    test('表式 offers the four layouts', async () => {
        const text = '部门 "某局" {\n    表式 |\n}\n';
        const items = await completionAt(text);
        expect(sortedLabels(items)).toEqual(['"项目列表"', '"项目表"', '"指标行"', '"部门整体"']);
        expect(items.find(item => item.label === '"部门整体"')!.detail).toBe('部门整体绩效目标表');
        const typed = await completionAt('部门 "某局" {\n    表式 "项|"\n}\n');
        const edit = typed.find(item => item.label === '"项目表"')!.textEdit as TextEdit;
        expect(edit.range).toEqual({ start: { line: 1, character: 7 }, end: { line: 1, character: 10 } });   // the typed "项 and the closing quote
    });

    test('after an indicator\'s name: its columns, with 正向/反向 and 定量/定性 side by side', async () => {
        const items = await completionAt('部门 "某局" {\n    项目 "甲" {\n        13 "完工及时率" 年度 ≥95% |\n    }\n}\n');
        expect(labels(items)).toEqual(expect.arrayContaining([
            '编码', '分值', '权重', '正向', '反向', '定量', '定性', '计量单位', '度量单位', '指标解释', '绩效标准', '评分标准',
            '一级', '二级', '实施期', '长期', '中期', 'weight', 'positive', 'qualitative', 'unit', 'level1'
        ]));
        const sorted = sortedLabels(items);
        expect(Math.abs(sorted.indexOf('正向') - sorted.indexOf('反向'))).toBe(1);
        expect(Math.abs(sorted.indexOf('定量') - sorted.indexOf('定性'))).toBe(1);
        expect(sorted.indexOf('level1')).toBeGreaterThan(sorted.indexOf('一级'));
        expect(items.find(item => item.label === '反向')!.detail).toBe('指标方向性：反向');
        // The annual target is written: 年度 is not offered again; a direction written leaves out both words.
        expect(labels(items)).not.toContain('年度');
        const directed = labels(await completionAt('部门 "某局" {\n    项目 "甲" {\n        13 "完工及时率" 年度 ≥95% 正向 |\n    }\n}\n'));
        expect(directed).not.toContain('反向');
        expect(directed).toContain('定性');
    });

    test('计量单位 offers the common units of the indicator\'s level-2 code, quoted', async () => {
        const text = '部门 "某局" {\n    项目 "甲" {\n        13 "完工及时率" 年度 ≥95 计量单位 |\n    }\n}\n';
        const items = await completionAt(text);
        expect(sortedLabels(items)).toEqual(['"%"', '"天"', '"个工作日"', '"月"']);
        expect(items[0].detail).toContain('13 时效指标');
    });
});

describe('hover on the new keywords', () => {
    test('every word keyword of the grammar has its meaning, in each rule it is written in', () => {
        const missing = AstUtils.streamAllContents(PerfGrammar()).filter(GrammarAST.isKeyword)
            .filter(keyword => /\p{L}/u.test(keyword.value) && !isComparatorKeyword(keyword))
            .filter(keyword => grammarKeywordDoc(keyword) === undefined)
            .map(keyword => `${AstUtils.getContainerOfType(keyword, GrammarAST.isParserRule)?.name}: ${keyword.value}`)
            .toArray();
        expect(missing).toEqual([]);
    });

    test('the meaning in the published table, with an example; the same word by where it is written', async () => {
        const uri = await open(PROJECT_FORM);
        expect(await hoverAt(uri, PROJECT_FORM, '主管部门')).toBe(
            '**主管部门** · 主管部门 / supervisor\n\n项目表表头的“主管部门”，可带其编码。\n\n例：`主管部门 "某县教育局" 编码 "015001"`');
        expect(await hoverAt(uri, PROJECT_FORM, '编码', '主管部门')).toContain('**主管部门编码**');
        expect(await hoverAt(uri, PROJECT_FORM, '编码', '维修面积')).toContain('**三级指标编码**');
        expect(await hoverAt(uri, PROJECT_FORM, '分值范围')).toContain('产出指标(40-50)分');
        expect(await hoverAt(uri, PROJECT_FORM, '分值', '维修面积')).toContain('**分值（权重）**');
        expect(await hoverAt(uri, PROJECT_FORM, '中期预算')).toContain('**中期预算**');
        expect(await hoverAt(uri, PROJECT_FORM, '中期', '验收合格率')).toContain('**中期指标值**');
        expect(await hoverAt(uri, PROJECT_FORM, '年度目标')).toContain('**总体目标：年度目标**');
        expect(await hoverAt(uri, PROJECT_FORM, '正向')).toContain('越大越好');
        expect(await hoverAt(uri, PROJECT_FORM, '计量单位')).toContain('**计量单位（度量单位）**');
        expect(await hoverAt(uri, PROJECT_FORM, '表式')).toContain('部门整体（部门整体绩效目标表）');
        const department = await open(DEPARTMENT_TABLE);
        expect(await hoverAt(department, DEPARTMENT_TABLE, '年度目标')).toContain('**年度总体绩效目标**');
        expect(await hoverAt(department, DEPARTMENT_TABLE, '定性')).toContain('不带计量单位');
        // An amount keeps its figures hover, a target its meaning.
        expect(await hoverAt(uri, PROJECT_FORM, '总计')).toContain('差额 difference：一致');
        expect(await hoverAt(uri, PROJECT_FORM, '≥95%')).toContain('**年度指标值** ≥95%');
    });
});

describe('outline of the new fields', () => {
    const symbolsOf = async (text: string) =>
        await session.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: await open(text) } }) as DocumentSymbol[];
    const entries = (symbols: DocumentSymbol[] | undefined) => (symbols ?? []).map(symbol => `${symbol.name} | ${symbol.detail}`);

    test('a project: named funds, cost items and indicators in the order written; the header is no entry', async () => {
        const [department] = await symbolsOf(PROJECT_FORM);
        const [project] = department.children!;
        expect(entries(project.children)).toEqual([
            '本级财力 | 资金 60.5000 计入 财政拨款',
            '上级补助 | 资金 39.5000 计入 财政拨款',
            '材料费 | 成本 60.00 · 上年 58.00',
            '人工费 | 成本 40.00 · 上年 38.00',
            '维修面积 | 11-数量指标 · 实施期 ≥1000平方米 / 年度 ≥600平方米 · 分值 10',
            '完工及时率 | 13-时效指标 · 年度 ≥95% · 权重 5',
            '师生满意度 | 31-服务对象满意度 · ≥90（%）',
            '维修校舍 | 11-数量指标 · 长期 ≥3栋 / 年度 ≥1栋',
            '验收合格率 | 12-质量指标 · 中期 =100% / 年度 =100%'
        ]);
    });

    test('a whole-department table: its funds and its own indicators under the department', async () => {
        const [department] = await symbolsOf(DEPARTMENT_TABLE);
        expect(entries(department.children)).toEqual([
            '基本支出 | 资金 100.00', '项目支出 | 资金 50.00', '举办群众文化活动 | 11-数量指标 · ≥50场（场）', '群众满意度 | 31-服务对象满意度 · 满意'
        ]);
    });
});

describe('folding of the new multi-line fields', () => {
    test('a goal or the duties written over several lines fold', async () => {
        for (const [text, field] of [[PROJECT_FORM, '年度目标'], [DEPARTMENT_TABLE, '部门职责']]) {
            const ranges = await session.connection.sendRequest('textDocument/foldingRange', { textDocument: { uri: await open(text) } }) as FoldingRange[];
            const lines = text.split('\n');
            const start = lines.findIndex(line => line.trimStart().startsWith(field));
            expect(ranges.filter(range => range.startLine === start).map(range => range.endLine), field).toEqual([start + 1]);
        }
    });
});

describe('formatting the new fields', () => {
    const format = async (text: string) => {
        const uri = await open(text);
        const edits = await session.connection.sendRequest('textDocument/formatting', {
            textDocument: { uri }, options: { tabSize: 4, insertSpaces: true }
        }) as TextEdit[];
        return TextDocument.applyEdits(TextDocument.create(uri, 'perf', 1, text), edits);
    };
    const nonSpace = (text: string) => text.replace(/\s+/g, '');

    test('a document with every field is canonical: no edit', async () => {
        expect(await format(PROJECT_FORM)).toBe(PROJECT_FORM);
        expect(await format(DEPARTMENT_TABLE)).toBe(DEPARTMENT_TABLE);
    });

    test('from one line with wide gaps back to one field per line, indicator columns on the indicator\'s line, idempotent', async () => {
        for (const canonical of [PROJECT_FORM, DEPARTMENT_TABLE]) {
            const messy = canonical.replace(/\s+/g, '   ');
            const formatted = await format(messy);
            expect(formatted).toBe(canonical);
            expect(nonSpace(formatted)).toBe(nonSpace(messy));
            expect(await format(formatted)).toBe(formatted);
        }
    });

    test('indicator columns split over lines join their line; a range stays joined or spaced as written', async () => {
        const messy = '部门 "某局" {\n项目 "甲" {\n主管部门 "某局"\n编码 "015001"\n起止时间 202001 -  202012\n分值范围 1 40-50\n13 "完工及时率" 年度 ≥95%\n分值 10\n  正向   定量\n}\n}\n';
        expect(await format(messy)).toBe('部门 "某局" {\n    项目 "甲" {\n        主管部门 "某局" 编码 "015001"\n        起止时间 202001 - 202012\n'
            + '        分值范围 1 40-50\n        13 "完工及时率" 年度 ≥95% 分值 10 正向 定量\n    }\n}\n');
    });
});

describe('semantic highlighting of the new fields', () => {
    test('every new keyword is a keyword token, whole; codes, numbers, units and ranges as elsewhere', async () => {
        const text = '部门 "某局" {\n    项目 "甲" {\n        主管部门 "某局" 编码 "015001"\n        起止时间 2023.07-2024.01\n        中期预算 30.00\n'
            + '        分值范围 1 40-50\n        13 "及时率" 编码 139901 中期 ≥90% 年度 ≥95 计量单位 "%" 分值 10 正向 定量 一级 "产出指标"\n    }\n}\n';
        const uri = await open(text);
        const { data } = await session.connection.sendRequest('textDocument/semanticTokens/full', { textDocument: { uri } }) as { data: number[] };
        const legend = session.capabilities.semanticTokensProvider!.legend.tokenTypes;
        const lines = text.split('\n');
        const decoded: string[] = [];
        for (let index = 0, line = 0, character = 0; index < data.length; index += 5) {
            line += data[index];
            character = data[index] === 0 ? character + data[index + 1] : data[index + 1];
            decoded.push(`${lines[line].slice(character, character + data[index + 2])}:${legend[data[index + 3]]}`);
        }
        expect(decoded.slice(4)).toEqual([
            '主管部门:keyword', '"某局":string', '编码:keyword', '"015001":string',
            '起止时间:keyword', '2023.07:number', '-:operator', '2024.01:number',
            '中期预算:keyword', '30.00:number',
            '分值范围:keyword', '1:enumMember', '40:number', '-:operator', '50:number',
            '13:enumMember', '"及时率":string', '编码:keyword', '139901:number', '中期:keyword', '≥:operator', '90:number', '%:type',
            '年度:keyword', '≥:operator', '95:number', '计量单位:keyword', '"%":string', '分值:keyword', '10:number',
            '正向:keyword', '定量:keyword', '一级:keyword', '"产出指标":string'
        ]);
    });
});

describe('the level-1 code of a score range', () => {
    test('分值范围 completes and hovers level-1 codes as an indicator line does', async () => {
        const items = await completionAt('部门 "某局" {\n    项目 "甲" {\n        分值范围 |\n    }\n}\n');
        expect(sortedLabels(items)).toEqual(['1 产出指标（一级指标）', '2 效益指标（一级指标）', '3 满意度指标（一级指标）']);
        const uri = await open(PROJECT_FORM);
        expect(await hoverAt(uri, PROJECT_FORM, '3 10', '分值范围')).toContain('**3 满意度指标** · 一级指标');
    });
});
