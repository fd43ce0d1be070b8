import { describe, expect, test } from 'vitest';
import { mapLevelName, normalizeLevelName } from '../../src/catalog/level-names.js';

describe('older and local level names map to catalog codes (layouts.md, indicator-standards.md)', () => {
    test.each([
        ['预期产出指标', 1, '2015', '1'],
        ['效果指标', 1, '2015', '2'],
        ['成本指标', 1, '2021', '4'],
        ['成本指标', 1, '2015', '1'],
        ['数量指标（或建筑规模指标）', 2, '2015', '11'],
        ['数量指标(或建筑规模指标)', 2, '2015', '11'],
        ['时效指标（工期指标）', 2, '2015', '13'],
        ['形象进度指标', 2, '2021', '13'],
        ['预算（或投资规模）控制指标', 2, '2015', '14'],
        ['预算(或投资规模)控制指标', 2, '2021', '41'],
        ['环境效益指标', 2, '2015', '23'],
        ['社会公众或服务对象满意度指标', 2, '2021', '31'],
        ['可持续影响指标', 2, '2015', '24']
    ] as const)('%s (level %i, catalog %s) → %s', (name, level, catalog, code) => {
        expect(mapLevelName(name, level, catalog)?.code).toBe(code);
    });

    test('the note says why; a name that covers several codes lists them all, the default first', () => {
        expect(mapLevelName('效果指标', 1)).toEqual({ code: '2', codes: ['2', '3'], note: expect.stringContaining('效益指标的旧称') });
        expect(mapLevelName('社会、经济、生态效益指标', 2)?.codes).toEqual(['21', '22', '23']);
        expect(mapLevelName('成本指标', 1, '2015')?.note).toContain('14');
    });

    test('a score range, a code before the name, spaces and bracket width do not matter', () => {
        expect(normalizeLevelName(' 1-产出指标(40-50)分')).toBe('产出指标');
        expect(normalizeLevelName('成本指标（0-20分）')).toBe('成本指标');
        expect(mapLevelName('产出指标（40-50）分', 1)?.code).toBe('1');
    });

    test('an unknown name, a name at the wrong level or a custom catalog maps to nothing', () => {
        expect(mapLevelName('创新指标', 1)).toBeUndefined();
        expect(mapLevelName('数量指标', 1)).toBeUndefined();
        expect(mapLevelName('预期产出指标', 2)).toBeUndefined();
        expect(mapLevelName('预期产出指标', 1, '某省2023')).toBeUndefined();
    });
});
