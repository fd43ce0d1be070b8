import * as fs from 'node:fs';
import { Decimal } from 'decimal.js';
import { describe, expect, test } from 'vitest';
import {
    compareQuantities, comparatorOf, comparatorSymbol, describeThreshold, isLowerBound, isPercent, isTarget,
    isUpperBound, normalizeComparatorText, parseThreshold, quantities, sameDimension, trailingPunctuation,
    unitOfName, type ComparatorKind, type Quantity, type QuantityThreshold, type Threshold
} from '../../src/model/threshold.js';
import { allUnits, lookupUnit, type Dimension } from '../../src/model/units.js';
import { referenceText } from '../helpers.js';


function quantity(text: string, name?: string): QuantityThreshold {
    const t = parseThreshold(text, name);
    expect(t.kind, text).toBe('quantity');
    return t as QuantityThreshold;
}

/** The fields that matter, value as an exact string. */
function summary(q: Quantity) {
    return {
        comparator: q.comparator, comparatorText: q.comparatorText, comparatorForm: q.comparatorForm,
        value: q.value.toFixed(), numberText: q.numberText, unit: q.unit, unitText: q.unitText,
        dimension: q.dimension, before: q.before, after: q.after, unitFromName: q.unitFromName
    };
}

describe('comparators', () => {
    const cases: Array<[string, ComparatorKind, 'symbol' | 'word']> = [
        ['≥', 'ge', 'symbol'], ['≤', 'le', 'symbol'], ['>', 'gt', 'symbol'], ['<', 'lt', 'symbol'],
        ['=', 'eq', 'symbol'], ['>=', 'ge', 'symbol'], ['<=', 'le', 'symbol'], ['≧', 'ge', 'symbol'],
        ['≦', 'le', 'symbol'], ['＞', 'gt', 'symbol'], ['＜', 'lt', 'symbol'], ['＝', 'eq', 'symbol'],
        ['＞＝', 'ge', 'symbol'], ['＜＝', 'le', 'symbol'], ['≠', 'ne', 'symbol'],
        ['大于等于', 'ge', 'word'], ['小于等于', 'le', 'word'], ['不低于', 'ge', 'word'], ['不少于', 'ge', 'word'],
        ['不高于', 'le', 'word'], ['不超过', 'le', 'word'], ['不多于', 'le', 'word'], ['大于', 'gt', 'word'],
        ['小于', 'lt', 'word'], ['高于', 'gt', 'word'], ['低于', 'lt', 'word'], ['超过', 'gt', 'word'],
        ['达到', 'ge', 'word'], ['等于', 'eq', 'word'], ['不等于', 'ne', 'word'], ['大于或等于', 'ge', 'word']
    ];
    test.each(cases)('%s 5家 → %s', (spelling, kind, form) => {
        const q = quantity(`${spelling}5家`);
        expect(summary(q)).toMatchObject({
            comparator: kind, comparatorText: spelling, comparatorForm: form, value: '5', unit: '家', dimension: 'count'
        });
        expect(q.before).toBeUndefined();
        expect(q.after).toBeUndefined();
    });

    test('longest match: 大于等于 is not 大于 + 等于, 不超过 is not 超过', () => {
        expect(quantity('大于等于90%').comparator).toBe('ge');
        expect(quantity('不超过3次').comparator).toBe('le');
        expect(quantity('不低于15').comparator).toBe('ge');
        expect(quantity('低于15').comparator).toBe('lt');
    });

    test('spaces between comparator, number, unit', () => {
        expect(summary(quantity('≥ 95 %'))).toMatchObject({ comparator: 'ge', comparatorText: '≥', value: '95', unit: '%' });
    });

    test('suffix forms', () => {
        expect(summary(quantity('新增10万标准箱及以上'))).toEqual({
            comparator: 'ge', comparatorText: '及以上', comparatorForm: 'suffix', value: '10', numberText: '10',
            unit: '万标准箱', unitText: '万标准箱', dimension: 'volume', before: '新增', after: undefined, unitFromName: undefined
        });
        expect(summary(quantity('5家以上'))).toMatchObject({ comparator: 'ge', comparatorText: '以上', comparatorForm: 'suffix' });
        expect(summary(quantity('3次及以下'))).toMatchObject({ comparator: 'le', comparatorText: '及以下', unit: '次' });
        expect(summary(quantity('2次以下'))).toMatchObject({ comparator: 'le', comparatorText: '以下' });
        expect(summary(quantity('3个工作日内'))).toMatchObject({ comparator: 'le', comparatorText: '内', unit: '个工作日', dimension: 'time' });
        expect(summary(quantity('5%以内'))).toMatchObject({ comparator: 'le', comparatorText: '以内', unit: '%' });
        expect(summary(quantity('新增100亿吨公里及以上'))).toMatchObject({
            comparator: 'ge', value: '100', unit: '亿吨公里', dimension: 'freight', before: '新增'
        });
    });

    test('a prefix comparator wins over a suffix, which stays in after', () => {
        expect(summary(quantity('达到10家以上'))).toMatchObject({ comparator: 'ge', comparatorText: '达到', after: '以上' });
    });

    test('no comparator means eq (a target), written as is', () => {
        expect(summary(quantity('99%'))).toMatchObject({ comparator: 'eq', comparatorForm: 'none', comparatorText: undefined, value: '99' });
        expect(summary(quantity('1份'))).toMatchObject({ comparator: 'eq', value: '1', unit: '份', dimension: 'count' });
    });

    test('comparatorOf / normalizeComparatorText / comparatorSymbol', () => {
        expect(comparatorOf('≧')).toEqual({ kind: 'ge', form: 'symbol' });
        expect(comparatorOf('＞')).toEqual({ kind: 'gt', form: 'symbol' });
        expect(comparatorOf('不低于')).toEqual({ kind: 'ge', form: 'word' });
        expect(comparatorOf('及以上')).toEqual({ kind: 'ge', form: 'suffix' });
        expect(comparatorOf('以下')).toEqual({ kind: 'le', form: 'suffix' });
        expect(comparatorOf('约')).toBeUndefined();
        expect(normalizeComparatorText('大于等于')).toBe('≥');
        expect(normalizeComparatorText('≦')).toBe('≤');
        expect(normalizeComparatorText('＜')).toBe('<');
        expect(normalizeComparatorText('不超过')).toBe('≤');
        expect(normalizeComparatorText('abc')).toBeUndefined();
        expect(comparatorSymbol('ne')).toBe('≠');
    });
});

describe('numbers', () => {
    test('full-width digits, ％ and ．', () => {
        expect(summary(quantity('≥９５％'))).toMatchObject({
            value: '95', numberText: '９５', unit: '%', unitText: '％', dimension: 'percent'
        });
        expect(summary(quantity('≥９２．５％'))).toMatchObject({ value: '92.5', numberText: '９２．５' });
        expect(summary(quantity('≥95％'))).toMatchObject({ value: '95', unit: '%', unitText: '％' });
    });

    test('thousands separators, half- and full-width', () => {
        expect(summary(quantity('67,522.75万元'))).toMatchObject({
            value: '67522.75', numberText: '67,522.75', unit: '万元', dimension: 'money'
        });
        expect(summary(quantity('≥1，131.77万元'))).toMatchObject({ value: '1131.77', numberText: '1，131.77' });
        expect(summary(quantity('≤1,234,567元'))).toMatchObject({ value: '1234567', unit: '元' });
    });

    test('decimals are exact, never floats', () => {
        const a = quantity('0.1万元'), b = quantity('0.2万元'), c = quantity('0.3万元');
        expect(a.value.plus(b.value).equals(c.value)).toBe(true);
        expect(quantity('≥99.9%').value.toFixed()).toBe('99.9');
        expect(quantity('≤1.6s').value.toFixed()).toBe('1.6');
        const big = quantity('12345678901234567890.123456789元');
        expect(big.value.toFixed()).toBe('12345678901234567890.123456789');
        expect(big.value).toBeInstanceOf(Decimal);
    });

    test('negative values after a comparator or at the start', () => {
        expect(quantity('≥-2%').value.toFixed()).toBe('-2');
        expect(quantity('-5%').value.toFixed()).toBe('-5');
        expect(quantity('≦0').value.toFixed()).toBe('0');
    });
});

describe('units', () => {
    const cases: Array<[string, Dimension]> = [
        ['%', 'percent'], ['％', 'percent'], ['‰', 'percent'], ['条', 'count'], ['家', 'count'], ['家次', 'count'],
        ['件', 'count'], ['场', 'count'], ['次', 'count'], ['份', 'count'], ['篇', 'count'], ['期', 'count'],
        ['个', 'count'], ['项', 'count'], ['类', 'count'], ['辆次', 'count'], ['人次', 'count'], ['万辆次', 'count'],
        ['户', 'count'], ['人', 'count'], ['万吨', 'mass'], ['吨', 'mass'], ['亿元', 'money'], ['万元', 'money'],
        ['元', 'money'], ['万标准箱', 'volume'], ['标准箱', 'volume'], ['亿吨公里', 'freight'], ['秒', 'time'],
        ['s', 'time'], ['毫秒', 'time'], ['ms', 'time'], ['分钟', 'time'], ['小时', 'time'], ['天', 'time'],
        ['日', 'time'], ['个工作日', 'time'], ['月', 'time'], ['个月', 'time'], ['年', 'time'], ['分', 'score'],
        ['个百分点', 'percent'], ['公里', 'length'], ['平方米', 'area']
    ];
    test.each(cases)('≥12%s', (unit, dimension) => {
        const q = quantity(`≥12${unit}`);
        expect(q.unitText).toBe(unit);
        expect(q.unit).toBe(unit === '％' ? '%' : unit);
        expect(q.dimension).toBe(dimension);
        expect(q.after).toBeUndefined();
    });

    test('longest unit wins', () => {
        expect(quantity('≤200ms').unit).toBe('ms');
        expect(quantity('≥5分钟').unit).toBe('分钟');
        expect(quantity('≥2个月').unit).toBe('个月');
        expect(quantity('大于800万辆次').unit).toBe('万辆次');
        expect(quantity('≥10亿吨').unit).toBe('亿吨');
        expect(quantity('提高2个百分点').unit).toBe('个百分点');
    });

    test('a Latin unit does not run into more letters', () => {
        const q = quantity('≥5mb');
        expect(q.unit).toBeUndefined();
        expect(q.after).toBe('mb');
        expect(summary(quantity('5G网络覆盖率≥95%'))).toMatchObject({ value: '95', before: '5G网络覆盖率' });
        expect(parseThreshold('支持4K显示').kind).toBe('qualitative');
    });

    test('full-width Latin units', () => {
        expect(summary(quantity('≤２００ｍｓ'))).toMatchObject({ value: '200', unit: 'ms', unitText: 'ｍｓ', dimension: 'time' });
    });

    test('every unit in the table has a dimension and is found by lookup', () => {
        for (const info of allUnits()) {
            expect(lookupUnit(info.unit)).toBe(info);
        }
        expect(lookupUnit('％')?.unit).toBe('%');
        expect(lookupUnit('单证数')).toBeUndefined();
    });

    test('a bare number takes its unit from the indicator name', () => {
        expect(summary(quantity('不低于3', '响应时间（秒）'))).toMatchObject({
            comparator: 'ge', value: '3', unit: '秒', unitText: '秒', unitFromName: true, dimension: 'time'
        });
        expect(summary(quantity('大于等于90', '企业满意度（%）'))).toMatchObject({
            unit: '%', unitFromName: true, dimension: 'percent'
        });
        expect(summary(quantity('15000', '年度卡口联动的次数（个）'))).toMatchObject({
            comparator: 'eq', value: '15000', unit: '个', unitFromName: true, dimension: 'count'
        });
        expect(quantity('100', '系统并发数(个)').unit).toBe('个');
        // the value's own unit wins; an unknown bracket leaves the number bare
        expect(quantity('95%', '数据项完整性（%）').unitFromName).toBeUndefined();
        expect(summary(quantity('15000', '调拨移柜年度业务量（单证数）'))).toMatchObject({ unit: undefined, dimension: 'none' });
        expect(quantity('10', '平行进口汽车车型保有量').dimension).toBe('none');
        expect(unitOfName('企业满意度（％）')?.info.unit).toBe('%');
        expect(unitOfName('满意度')).toBeUndefined();
    });
});

describe('wording around a quantity', () => {
    test('每月出现用户投诉次数小于3次', () => {
        expect(summary(quantity('每月出现用户投诉次数小于3次'))).toMatchObject({
            before: '每月出现用户投诉次数', comparator: 'lt', comparatorText: '小于', comparatorForm: 'word',
            value: '3', unit: '次', after: undefined
        });
    });
    test('子项目服务质量情况达到100% (达到 = ge)', () => {
        expect(summary(quantity('子项目服务质量情况达到100%'))).toMatchObject({
            before: '子项目服务质量情况', comparator: 'ge', comparatorText: '达到', value: '100', unit: '%'
        });
    });
    test('系统验收合格率100%', () => {
        expect(summary(quantity('系统验收合格率100%'))).toMatchObject({
            before: '系统验收合格率', comparator: 'eq', comparatorForm: 'none', value: '100', unit: '%'
        });
    });
    test('企业和海关使用系统满意度95%及以上', () => {
        expect(summary(quantity('企业和海关使用系统满意度95%及以上'))).toMatchObject({
            before: '企业和海关使用系统满意度', comparator: 'ge', comparatorForm: 'suffix', value: '95', unit: '%'
        });
    });
    test('the number with the strongest comparator is the quantity', () => {
        expect(summary(quantity('引入年销售额10亿元以上企业≥1家'))).toMatchObject({
            comparator: 'ge', comparatorText: '≥', value: '1', unit: '家', before: '引入年销售额10亿元以上企业'
        });
        expect(summary(quantity('第3季度完成100%'))).toMatchObject({ value: '100', before: '第3季度完成' });
    });
    test('wording after the quantity', () => {
        expect(summary(quantity('≥3家企业'))).toMatchObject({ value: '3', unit: '家', after: '企业' });
    });
});

describe('composite, grade, none, qualitative', () => {
    test('读取时间≤12毫秒、读取率≥99.9%', () => {
        const t = parseThreshold('读取时间≤12毫秒、读取率≥99.9%');
        expect(t.kind).toBe('composite');
        const [a, b] = quantities(t);
        expect(summary(a)).toMatchObject({ before: '读取时间', comparator: 'le', value: '12', unit: '毫秒', dimension: 'time' });
        expect(summary(b)).toMatchObject({ before: '读取率', comparator: 'ge', value: '99.9', unit: '%', dimension: 'percent' });
        expect(t.kind === 'composite' && t.parts.map(p => p.text)).toEqual(['读取时间≤12毫秒', '读取率≥99.9%']);
    });
    test('with a stray 。 (reported by trailingPunctuation)', () => {
        const text = '读取时间≤12毫秒、读取率≥99.9%。';
        const t = parseThreshold(text);
        expect(t.kind).toBe('composite');
        expect(t.text).toBe(text);
        expect(quantities(t).map(q => q.value.toFixed())).toEqual(['12', '99.9']);
        expect(trailingPunctuation(text)).toBe('。');
        expect(trailingPunctuation('读取时间≤12毫秒、读取率≥99.9%')).toBeUndefined();
        expect(trailingPunctuation('≥95%；')).toBe('；');
        expect(quantity('≥95%.').value.toFixed()).toBe('95');
    });
    test('other separators: ； ; and a comma that is not a thousands separator', () => {
        expect(quantities(parseThreshold('满意度≥90%；投诉率≤1%')).map(q => q.comparator)).toEqual(['ge', 'le']);
        expect(quantities(parseThreshold('≥3家;≤5次')).map(q => q.unit)).toEqual(['家', '次']);
        expect(quantities(parseThreshold('≥3家，≤5次')).length).toBe(2);
        expect(parseThreshold('≥1,000家').kind).toBe('quantity');
    });
    test('a list of words is not composite', () => {
        expect(parseThreshold('优良、及时').kind).toBe('qualitative');
    });
    test('grades', () => {
        expect(parseThreshold('设备防水等级不低于IP65')).toEqual({
            kind: 'grade', text: '设备防水等级不低于IP65', grade: 'IP65', comparator: 'ge', comparatorText: '不低于',
            comparatorForm: 'word', before: '设备防水等级'
        });
        expect(parseThreshold('IP54')).toMatchObject({ kind: 'grade', grade: 'IP54', comparator: 'eq', comparatorForm: 'none' });
        expect(parseThreshold('≥IP65')).toMatchObject({ kind: 'grade', comparator: 'ge', comparatorForm: 'symbol' });
        expect(parseThreshold('A级')).toMatchObject({ kind: 'grade', grade: 'A级' });
        expect(parseThreshold('AAA级')).toMatchObject({ kind: 'grade', grade: 'AAA级' });
        expect(parseThreshold('二级及以上')).toMatchObject({ kind: 'grade', grade: '二级', comparator: 'ge', comparatorForm: 'suffix' });
        expect(parseThreshold('甲级')).toMatchObject({ kind: 'grade', grade: '甲级' });
        expect(parseThreshold('A级景区≥5家')).toMatchObject({ kind: 'quantity', before: 'A级景区' });
    });
    test('无 and friends', () => {
        expect(parseThreshold('无')).toEqual({ kind: 'none', text: '无' });
        expect(parseThreshold(' 无 ').kind).toBe('none');
        expect(parseThreshold('/').kind).toBe('none');
        expect(parseThreshold('').kind).toBe('none');
    });
    test('qualitative', () => {
        expect(parseThreshold('平台各功能正常使用')).toEqual({ kind: 'qualitative', text: '平台各功能正常使用' });
        expect(parseThreshold('优良').kind).toBe('qualitative');
        expect(parseThreshold('及时').kind).toBe('qualitative');
    });
    test('dates are not quantities', () => {
        expect(parseThreshold('2024年12月31日前完成')).toMatchObject({
            kind: 'qualitative', date: { year: 2024, month: 12, day: 31, comparator: 'le', comparatorText: '前', comparatorForm: 'suffix' }
        });
        expect(parseThreshold('6月底前')).toMatchObject({ kind: 'qualitative', date: { month: 6, comparator: 'le', comparatorText: '底前' } });
        expect(parseThreshold('不晚于2025年6月')).toMatchObject({ kind: 'qualitative', date: { year: 2025, month: 6, comparator: 'le' } });
        expect(parseThreshold('2023-2024年')).toMatchObject({ kind: 'qualitative', date: { year: 2024 } });
        expect(summary(quantity('2024年完成率≥95%'))).toMatchObject({ before: '2024年完成率', value: '95' });
        expect(quantity('≥3个月').dimension).toBe('time');
    });
    test('parseThreshold never throws on odd input', () => {
        for (const text of ['≥', '≥%', '、', '；；', '1.', '-', '≥-', 'IP', '.5%', '１，２３４', '99.9.9%', '∞']) {
            expect(() => parseThreshold(text, '（）')).not.toThrow();
        }
    });
});

describe('helpers for validators', () => {
    test('bounds, targets, percent, dimensions', () => {
        expect(isLowerBound(parseThreshold('≥3%'))).toBe(true);
        expect(isLowerBound(parseThreshold('＞95%'))).toBe(true);
        expect(isLowerBound(parseThreshold('不低于IP65'))).toBe(true);
        expect(isUpperBound(parseThreshold('≤200ms'))).toBe(true);
        expect(isUpperBound(parseThreshold('小于1秒'))).toBe(true);
        expect(isUpperBound(parseThreshold('≥3%'))).toBe(false);
        expect(isTarget(parseThreshold('100%'))).toBe(true);
        expect(isLowerBound(parseThreshold('平台各功能正常使用'))).toBe(false);
        expect(isPercent(parseThreshold('≥95％'))).toBe(true);
        expect(isPercent(parseThreshold('≥5‰'))).toBe(false);
        expect(isPercent(parseThreshold('≥5家'))).toBe(false);
        expect(isPercent(parseThreshold('无'))).toBe(false);
        expect(sameDimension(parseThreshold('≥10万吨'), parseThreshold('≥5吨'))).toBe(true);
        expect(sameDimension(parseThreshold('≥10万元'), parseThreshold('≥5%'))).toBe(false);
        expect(sameDimension(parseThreshold('≥1.6s'), parseThreshold('≤200ms'))).toBe(true);
        expect(sameDimension(parseThreshold('无'), parseThreshold('无'))).toBe(false);
    });

    test('compareQuantities is exact and converts within a base', () => {
        const q = (text: string) => quantity(text);
        expect(compareQuantities(q('≥3%'), q('≥3%'))).toBe(0);
        expect(compareQuantities(q('≥92.5%'), q('≥92%'))).toBe(1);
        expect(compareQuantities(q('≥0.3万元'), q('≥3000元'))).toBe(0);
        expect(compareQuantities(q('0.5亿元'), q('5000万元'))).toBe(0);
        expect(compareQuantities(q('10万吨'), q('100000吨'))).toBe(0);
        expect(compareQuantities(q('1.2秒'), q('1200毫秒'))).toBe(0);
        expect(compareQuantities(q('1.6s'), q('200ms'))).toBe(1);
        expect(compareQuantities(q('1年'), q('12个月'))).toBe(0);
        expect(compareQuantities(q('5‰'), q('0.5%'))).toBe(0);
        expect(compareQuantities(q('15000'), q('1.5万'))).toBe(0);
        expect(compareQuantities(q('5家'), q('5条'))).toBeUndefined();
        expect(compareQuantities(q('5%'), q('5万元'))).toBeUndefined();
        expect(compareQuantities(q('3天'), q('1个月'))).toBeUndefined();
        // beyond float precision
        expect(compareQuantities(q('0.30000000000000000001亿元'), q('3000万元'))).toBe(1);
    });
});

describe('describeThreshold', () => {
    const cases: Array<[string, string | undefined, string]> = [
        ['≥3%', undefined, '不少于 3 %（百分比，下限）'],
        ['15000', '年度卡口联动的次数（个）', '等于 15000 个（数量，目标值；单位取自指标名称）'],
        ['≤200ms', undefined, '不超过 200 ms（时间，上限）'],
        ['新增10万标准箱及以上', undefined, '新增 不少于 10 万标准箱（体积，下限）'],
        ['每月出现用户投诉次数小于3次', undefined, '每月出现用户投诉次数 小于 3 次（数量，上限）'],
        ['≥９５％', undefined, '不少于 95 %（百分比，下限）'],
        ['67,522.75万元', undefined, '等于 67,522.75 万元（金额，目标值）'],
        ['≦0', undefined, '不超过 0（无量纲，上限）'],
        ['读取时间≤12毫秒、读取率≥99.9%', undefined, '读取时间 不超过 12 毫秒（时间，上限）；读取率 不少于 99.9 %（百分比，下限）'],
        ['设备防水等级不低于IP65', undefined, '设备防水等级 不低于 IP65（等级，下限）'],
        ['无', undefined, '无指标值'],
        ['平台各功能正常使用', undefined, '定性指标：平台各功能正常使用']
    ];
    test.each(cases)('%s', (text, name, expected) => {
        expect(describeThreshold(parseThreshold(text, name))).toBe(expected);
    });
});

describe('every target value of the reference table', () => {
    interface Value { name: string; text: string }
    function referenceValues(): Value[] {
        const text = fs.readFileSync(referenceText, 'utf8').replace(/\s+/g, '');
        // "…；NAME；实施周期指标值:V；年度指标值:V" followed by "。N、", "。<next project>", "；" or the end;
        // one annual value runs straight into the next project's goal text ("≥85%1.营造…").
        const value = '(.*?)(?=；|。|\\d+\\.(?!\\d)|$)';
        const record = new RegExp(`([^；]*)；实施周期指标值:${value}；年度指标值:${value}`, 'g');
        const values: Value[] = [];
        for (const m of text.matchAll(record)) {
            values.push({ name: m[1], text: m[2] }, { name: m[1], text: m[3] });
        }
        return values;
    }
    const values = referenceValues();

    test('all 366 values are found (183 indicators)', () => {
        expect(values.length).toBe(366);
        const raw = fs.readFileSync(referenceText, 'utf8').replace(/\s+/g, '');
        expect(raw.match(/指标值:/g)?.length).toBe(366);
    });

    test('every value parses, to the expected kind', () => {
        const parsed: Threshold[] = values.map(v => parseThreshold(v.text, v.name));
        const counts: Record<string, number> = {};
        for (const t of parsed) {
            counts[t.kind] = (counts[t.kind] ?? 0) + 1;
        }
        expect(counts).toEqual({ quantity: 354, composite: 4, grade: 4, qualitative: 2, none: 2 });
        // 124 values do not open with a comparator (99%, 无, 1份, 新增…及以上, 读取时间≤…, 设备防水等级不低于…)
        const opensWithComparator = (t: Threshold) =>
            (t.kind === 'quantity' || t.kind === 'grade') && (t.comparatorForm === 'symbol' || t.comparatorForm === 'word') && !t.before;
        expect(parsed.filter(t => !opensWithComparator(t)).length).toBe(124);
        // of which 96 are quantities with no comparator at all: targets (eq)
        expect(parsed.filter(t => t.kind === 'quantity' && t.comparatorForm === 'none').length).toBe(96);
        expect(parsed.filter(t => t.kind === 'quantity' && t.comparatorForm === 'suffix').length).toBe(8);
        expect(parsed.filter(t => trailingPunctuation(t.text)).map(t => t.text)).toEqual(['读取时间≤12毫秒、读取率≥99.9%。']);
    });

    test('units and dimensions of the reference values', () => {
        const all = values.flatMap(v => quantities(parseThreshold(v.text, v.name)).map(q => ({ ...v, q })));
        const byDimension: Record<string, number> = {};
        for (const { q } of all) {
            byDimension[q.dimension] = (byDimension[q.dimension] ?? 0) + 1;
        }
        expect(byDimension).toEqual({ percent: 228, count: 94, time: 20, none: 12, money: 2, mass: 2, volume: 2, freight: 2 });
        const fromName = all.filter(({ q }) => q.unitFromName).map(({ name, q }) => `${name}=${q.value.toFixed()}${q.unit}`);
        expect([...new Set(fromName)]).toEqual([
            '年度卡口联动的次数（个）=15000个', '管理人员用户（个）=40个', '响应时间（秒）=3秒',
            '数据报表查询速度（秒）=15秒', '系统并发数（个）=100个'
        ]);
    });
});
