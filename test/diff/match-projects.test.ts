import { describe, expect, it } from 'vitest';
import { matchItems } from '../../src/diff/matching.js';
import { matchProjects, projectSimilarity, RENAME_THRESHOLD } from '../../src/diff/match-projects.js';
import { parseVersion } from '../../src/diff/parse-version.js';
import { setSimilarity, textSimilarity } from '../../src/diff/similarity.js';

async function projects(body: string) {
    const { file, problems } = await parseVersion(`部门 "d" {\n${body}\n}`, 'test.perf');
    expect(problems).toEqual([]);
    return file.departments[0].projects;
}

const WORK = `项目 "工作经费" { 总计 24.00 财政拨款 24.00 绩效目标 "满足政策推进落实和业务拓展需要"
    11 "南沙港区集装箱吞吐量增长率" 指标值 ≥3%  11 "接洽国际知名企业项目线索" 指标值 ≥10条 }`;
const PURCHASE = `项目 "购置经费" { 总计 5.00 财政拨款 5.00 绩效目标 "满足商务局日常办公需要"
    11 "办公家具和办公设备购置数量" 指标值 ≥10件  12 "验收合格率" 指标值 ≥95% }`;

describe('similarity of Chinese texts', () => {
    it('measures shared character pairs', () => {
        expect(textSimilarity('工作经费', '工作经费')).toBe(1);
        expect(textSimilarity('工作经费', '2024年工作经费')).toBeCloseTo(2 * 3 / (3 + 8));
        expect(textSimilarity('验收合格率', '验收及时率')).toBeCloseTo(0.25);
        expect(textSimilarity('工作经费', '购置家具')).toBe(0);
        expect(textSimilarity('', '工作')).toBe(0);
    });

    it('compares sets of names', () => {
        expect(setSimilarity(['a', 'b'], ['b', 'c'])).toBeCloseTo(1 / 3);
        expect(setSimilarity([], [])).toBe(1);
    });
});

describe('matching projects across versions', () => {
    it('pairs equal names even when everything else changed', async () => {
        const old = await projects(WORK);
        const updated = await projects(`项目 "工作经费" { 总计 99.00 财政拨款 99.00 绩效目标 "全新目标" 31 "满意度" 指标值 ≥90% }`);
        const matching = matchProjects(old, updated);
        expect(matching.pairs.map(pair => [pair.old.name, pair.new.name, pair.exact])).toEqual([['工作经费', '工作经费', true]]);
    });

    it('recognises a project renamed outright by its unchanged content', async () => {
        const old = await projects(`${WORK}\n${PURCHASE}`);
        const updated = await projects(`${WORK}\n${PURCHASE.replace('"购置经费"', '"办公设备采购"')}`);
        const matching = matchProjects(old, updated);
        expect(matching.added).toEqual([]);
        expect(matching.removed).toEqual([]);
        const renamed = matching.pairs.find(pair => !pair.exact)!;
        expect([renamed.old.name, renamed.new.name]).toEqual(['购置经费', '办公设备采购']);
        expect(renamed.score).toBeCloseTo(0.6); // content alone: indicators 0.3 + goal 0.2 + total 0.1
    });

    it('keeps unrelated projects apart: one removed, one added', async () => {
        const old = await projects(PURCHASE);
        const updated = await projects(WORK);
        expect(projectSimilarity(old[0], updated[0])).toBeLessThan(RENAME_THRESHOLD);
        const matching = matchProjects(old, updated);
        expect(matching.pairs).toEqual([]);
        expect(matching.removed.map(p => p.name)).toEqual(['购置经费']);
        expect(matching.added.map(p => p.name)).toEqual(['工作经费']);
    });

    it('pairs each project once, the best match first', () => {
        const matching = matchItems(['商务经费', '商务综合经费'], ['商务综合服务经费', '商务经费2'], {
            keys: [], score: textSimilarity, threshold: 0.3
        });
        expect(matching.pairs.map(pair => [pair.old, pair.new])).toEqual([
            ['商务综合经费', '商务综合服务经费'], ['商务经费', '商务经费2']
        ]);
    });
});
