import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareTargets } from '../../src/diff/compare-targets.js';

describe('the direction of a target change', () => {
    it.each([
        // lower bounds (正向): a higher minimum asks more
        ['≥90%', '≥95%', 'tightened'],
        ['≥95%', '≥90%', 'loosened'],
        ['不低于90%', '≥95%', 'tightened'],
        ['≥10条', '≥8条', 'loosened'],
        ['新增10万标准箱及以上', '新增20万标准箱及以上', 'tightened'],
        ['≥90%', '>90%', 'tightened'],
        ['>90%', '≥90%', 'loosened'],
        // upper bounds (反向): a lower maximum asks more
        ['≤5天', '≤3天', 'tightened'],
        ['≤3天', '≤5天', 'loosened'],
        ['≤1.5秒', '≤1200毫秒', 'tightened'],
        ['≤65万元', '≤0.7亿元', 'loosened'],
        ['≤5%', '<5%', 'tightened'],
        // the same meaning, another spelling
        ['≧2%', '≥2%', 'equivalent'],
        ['≥0.5亿元', '≥5000万元', 'equivalent'],
        ['大于等于90%', '≥90%', 'equivalent'],
        ['无', '—', 'equivalent'],
        // a plain target value: its good direction is not written
        ['99%', '100%', 'raised'],
        ['1份', '0份', 'lowered'],
        // no direction can be read
        ['≥90%', '≤90%', 'changed'],
        ['99%', '≥99%', 'changed'],
        ['≥10条', '≥10家', 'changed'],
        ['新增10万标准箱及以上', '累计20万标准箱及以上', 'changed'],
        ['平台各功能正常使用', '平台功能基本正常', 'changed'],
        ['无', '≥1次', 'changed'],
        // deadlines: earlier is stricter
        ['2024年12月31日前', '2024年6月30日前', 'tightened'],
        ['2024年6月底前', '2024年12月底前', 'loosened'],
        // composite targets: parts compared in order
        ['读取时间≤12毫秒、读取率≥99.9%', '读取时间≤10毫秒、读取率≥99.9%', 'tightened'],
        ['读取时间≤12毫秒、读取率≥99.9%', '读取时间≤10毫秒、读取率≥99%', 'changed']
    ])('%s → %s is %s', (old, updated, direction) => {
        expect(compareTargets(old, updated)).toBe(direction);
    });

    it('takes the unit of a bare number from the indicator name', () => {
        expect(compareTargets('≤3', '≤2', '响应时间（秒）')).toBe('tightened');
        expect(compareTargets('≤3', '≤2000毫秒', '响应时间（秒）')).toBe('tightened');
        expect(compareTargets('≤3', '≤2000毫秒')).toBe('changed'); // a bare 3 and 2000 ms do not compare
    });

    it('is antisymmetric: reversing a change swaps tightened and loosened (property)', () => {
        const opposite = { tightened: 'loosened', loosened: 'tightened', raised: 'lowered', lowered: 'raised',
            equivalent: 'equivalent', changed: 'changed' } as const;
        const comparator = fc.constantFrom('≥', '≤', '>', '<', '', '不低于', '不超过');
        const unit = fc.constantFrom('%', '家', '天', '万元', '亿元', '毫秒', '秒', '');
        const target = fc.tuple(comparator, fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 0, max: 99 }), unit)
            .map(([c, whole, cents, u]) => `${c}${whole}.${String(cents).padStart(2, '0')}${u}`);
        fc.assert(fc.property(target, target, (a, b) => {
            expect(compareTargets(b, a)).toBe(opposite[compareTargets(a, b)]);
        }), { numRuns: 500 });
    });
});
