import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { CSV_COLUMNS, CSV_HEADERS, CSV_KEYS, escapeCsvCell, unescapeCsvCell, UTF8_BOM, type CsvRecord } from '../../src/compile/csv-columns.js';
import { csvRecords, renderCsv } from '../../src/compile/csv.js';
import type { PerfFile } from '../../src/language/generated/ast.js';
import { diagnosticsOf, parseDocument, readReferenceExample } from '../helpers.js';

/** What the importer does: parse the CSV, drop the BOM and the header, undo the injection escape. */
function readBack(csv: string): { headers: string[]; raw: string[][]; records: CsvRecord[] } {
    expect(csv.startsWith(UTF8_BOM)).toBe(true);
    const [headers, ...raw] = parse(csv.slice(UTF8_BOM.length), { relax_column_count: false }) as string[][];
    const records = raw.map(cells =>
        Object.fromEntries(CSV_KEYS.map((key, i) => [key, unescapeCsvCell(cells[i])])) as CsvRecord);
    return { headers, raw, records };
}

async function compileToCsv(text: string): Promise<{ file: PerfFile; csv: string }> {
    const document = await parseDocument(text);
    expect(diagnosticsOf(document, 1)).toEqual([]);
    return { file: document.parseResult.value, csv: renderCsv(document.parseResult.value) };
}

describe('CSV of the reference table', () => {
    let csv: string;
    let file: PerfFile;
    let headers: string[];
    let raw: string[][];
    let records: CsvRecord[];
    const byName = (name: string) => records.find(record => record.indicator === name)!;

    beforeAll(async () => {
        ({ file, csv } = await compileToCsv(readReferenceExample()));
        ({ headers, raw, records } = readBack(csv));
    });

    it('starts with a BOM and the header row of CSV_COLUMNS, CRLF line ends', () => {
        expect(csv.charCodeAt(0)).toBe(0xfeff);
        expect(headers).toEqual(CSV_HEADERS);
        expect(headers).toEqual([
            '部门名称', '项目名称', '资金使用单位', '总计', '财政拨款', '财政专户拨款', '其他资金', '绩效目标', '指标序号',
            '一级指标代码', '一级指标名称', '二级指标代码', '二级指标名称', '指标名称',
            '实施周期指标值类型', '实施周期比较符', '实施周期数值', '实施周期单位',
            '年度指标值类型', '年度比较符', '年度数值', '年度单位', '实施周期指标值', '年度指标值'
        ]);
        expect(csv.slice(1, csv.indexOf('\n') + 1).endsWith('年度指标值\r\n')).toBe(true);
    });

    it('has one row per indicator: 183 rows over the 28 projects, each with every column', () => {
        expect(raw).toHaveLength(183);
        expect(raw.every(cells => cells.length === CSV_COLUMNS.length)).toBe(true);
        expect(new Set(records.map(record => record.project)).size).toBe(28);
        expect(records.every(record => record.department === '广州南沙经济技术开发区商务局')).toBe(true);
        const total = file.departments[0].projects.reduce((n, project) => n + project.indicators.length, 0);
        expect(total).toBe(183);
    });

    it('repeats the project, its published amounts and goal on each of its rows, numbering the indicators', () => {
        const workRows = records.filter(record => record.project === '工作经费');
        expect(workRows.map(record => record.position)).toEqual(['1', '2', '3']);
        for (const record of workRows) {
            expect(record).toMatchObject({ user: '', total: '24.00', fiscal: '24.00', specialAccount: '', other: '' });
            expect(record.goal.startsWith('满足《南沙方案》政策推进落实')).toBe(true);
        }
        expect(byName('扶持项目个数')).toMatchObject({ project: '产业扶持—企业扶持和奖励经费', total: '50,000.00', fiscal: '50,000.00' });
    });

    it('gives the level-1 and level-2 codes and names of each indicator', () => {
        expect(byName('南沙港区集装箱吞吐量增长率')).toMatchObject({
            level1Code: '1', level1Name: '产出指标', level2Code: '11', level2Name: '数量指标'
        });
        expect(byName('外贸企业对南沙外贸产业发展环境满意度')).toMatchObject({
            level1Code: '3', level1Name: '满意度指标', level2Code: '31', level2Name: '服务对象满意度'
        });
    });

    it('types both targets: kind, comparator, exact number and unit', () => {
        expect(byName('南沙港区集装箱吞吐量增长率')).toMatchObject({
            periodKind: 'quantity', periodComparator: 'ge', periodNumber: '3', periodUnit: '%',
            annualKind: 'quantity', annualComparator: 'ge', annualNumber: '3', annualUnit: '%',
            periodText: '≥3%', annualText: '≥3%'
        });
        expect(byName('扶持资金拨付及时率')).toMatchObject({ periodComparator: 'eq', periodNumber: '99', periodUnit: '%' });
        expect(byName('新增箱量数量')).toMatchObject({
            periodKind: 'quantity', periodComparator: 'ge', periodNumber: '10', periodUnit: '万标准箱', periodText: '新增10万标准箱及以上'
        });
        expect(byName('南沙口岸外贸进出口额增长率')).toMatchObject({ periodComparator: 'ge', periodNumber: '2', periodText: '≧2%' });
        // Different period and annual targets: 实施周期 "无", 年度 1份.
        expect(byName('取得建设用地批复')).toMatchObject({
            periodKind: 'none', periodComparator: '', periodNumber: '', periodText: '无',
            annualKind: 'quantity', annualComparator: 'eq', annualNumber: '1', annualUnit: '份', annualText: '1份'
        });
        expect(byName('防水等级')).toMatchObject({ periodKind: 'grade', periodComparator: 'ge', periodNumber: '', periodText: '设备防水等级不低于IP65' });
        const composite = records.find(record => record.periodText === '读取时间≤12毫秒、读取率≥99.9%。')!;
        expect(composite).toMatchObject({ periodKind: 'composite', periodComparator: '', periodNumber: '', annualText: '读取时间≤12毫秒、读取率≥99.9%' });
    });

    it('escapes the indicator named "-使用人员满意度" and reads it back unchanged', () => {
        const row = raw.find(cells => cells[CSV_KEYS.indexOf('indicator')].includes('使用人员满意度'))!;
        expect(row[CSV_KEYS.indexOf('indicator')]).toBe("'-使用人员满意度");
        expect(byName('-使用人员满意度')).toBeDefined();
    });

    it('round-trips every text-as-written column against the document', () => {
        const indicators = file.departments[0].projects.flatMap(project => project.indicators);
        expect(records.map(record => record.indicator)).toEqual(indicators.map(indicator => indicator.name));
        expect(records).toEqual(csvRecords(file));
        for (const record of records) {
            expect(record.periodText).not.toBe('');
            expect(record.annualText).not.toBe('');
        }
    });
});

describe('CSV of hostile and sparse documents', () => {
    const HOSTILE = `部门 "=cmd|' /C calc'!A0" {
    项目 "=HYPERLINK(\\"http://x\\",\\"y\\")" {
        资金使用单位 "@SUM(A1)"
        总计 1,000.50
        其他资金 1,000.50
        绩效目标 "+增长"
        11 "-使用人员满意度" 指标值 ≥90%
    }
    项目 "<script>alert(1)</script>" {
        总计 1.00
        财政拨款 1.00
        绩效目标 "'已带引号"
    }
}
`;
    let raw: string[][];
    let records: CsvRecord[];

    beforeAll(async () => {
        const { csv } = await compileToCsv(HOSTILE);
        ({ raw, records } = readBack(csv));
    });

    it('keeps a project without indicators as one row with empty indicator columns', () => {
        expect(raw).toHaveLength(2);
        const script = records[1];
        expect(script.project).toBe('<script>alert(1)</script>');
        expect(script.total).toBe('1.00');
        for (const key of CSV_KEYS.slice(CSV_KEYS.indexOf('position'))) {
            expect(script[key]).toBe('');
        }
    });

    it('prefixes formula-like cells with an apostrophe', () => {
        const cell = (row: number, key: typeof CSV_KEYS[number]) => raw[row][CSV_KEYS.indexOf(key)];
        expect(cell(0, 'department')).toBe("'=cmd|' /C calc'!A0");
        expect(cell(0, 'project')).toBe('\'=HYPERLINK("http://x","y")');
        expect(cell(0, 'user')).toBe("'@SUM(A1)");
        expect(cell(0, 'goal')).toBe("'+增长");
        expect(cell(0, 'indicator')).toBe("'-使用人员满意度");
        expect(cell(0, 'total')).toBe('1,000.50');
        expect(cell(0, 'other')).toBe('1,000.50');
        expect(cell(1, 'project')).toBe('<script>alert(1)</script>');
        expect(cell(1, 'goal')).toBe("''已带引号");
        for (const row of raw) {
            for (const text of row) {
                expect(text).not.toMatch(/^[=+@\t\r]/);
                expect(text).not.toMatch(/^-(?!\d)/);
            }
        }
    });

    it('reads every text back exactly as written', () => {
        expect(records[0]).toMatchObject({
            department: "=cmd|' /C calc'!A0", project: '=HYPERLINK("http://x","y")', user: '@SUM(A1)',
            goal: '+增长', indicator: '-使用人员满意度', total: '1,000.50'
        });
        expect(records[1].goal).toBe("'已带引号");
    });
});

describe('escapeCsvCell', () => {
    // A plain negative number ("-3") stays a number for analysis: Excel reads it as a number, never a formula.
    it.each([
        ['=1+1', "'=1+1"], ['+1', "'+1"], ['-x', "'-x"], ['@x', "'@x"], ['\tx', "'\tx"], ['\rx', "'\rx"],
        ["'x", "''x"], ['-3', '-3'], ['-1,000.50', '-1,000.50'], ['≥3%', '≥3%'], ['', ''], ['普通文本', '普通文本']
    ])('%j → %j and back', (text, escaped) => {
        expect(escapeCsvCell(text)).toBe(escaped);
        expect(unescapeCsvCell(escapeCsvCell(text))).toBe(text);
    });
});
