/**
 * What an indicator measures, guessed from its catalog position and name: the scoring direction of a
 * target depends on it (indicator-standards.md: a rate with ≤ or a cost with ≥ flips the scoring).
 */
import type { Indicator } from '../generated/ast.js';
import { categoryOf, groupOf } from '../../model/indicators.js';

/** Rates that cannot exceed 100% and are scored 正向 (higher is better). Not 增长率: growth can exceed it. */
const BOUNDED_RATES = ['满意度', '满意率', '合格率', '完成率', '及时率', '达标率', '使用率', '准确率', '通过率', '正确率',
    '覆盖率', '知晓率', '办结率', '解决率', '接听率', '识别率', '到位率'];

/** Words of a latency or speed: such a time is a maximum (≤), never a minimum. */
const LATENCY_WORDS = ['响应', '速度', '耗时', '用时', '延迟', '延时', '等待', '识别时间', '处理时间', '读取时间', '办理时间',
    '办结时间', '查询时间', '加载时间', '起/降时间'];

/** Things of which less is better: costs, complaints, overspending, accidents. */
const LESS_IS_BETTER_WORDS = ['投诉', '成本', '费用', '超支', '事故', '隐患', '差错', '失误', '违规'];

// A name may be missing in a line the parser recovered from: every test treats it as empty.

export function isSatisfaction(indicator: Indicator): boolean {
    return (indicator.name ?? '').includes('满意') || (groupOf(indicator)?.label?.includes('满意度') ?? false);
}

export function isBoundedRate(text: string): boolean {
    return BOUNDED_RATES.some(word => text.includes(word));
}

export function isLatency(text: string): boolean {
    return LATENCY_WORDS.some(word => text.includes(word));
}

/** An indicator of the 成本 family (14-成本指标, or the 2021 catalog's 4-成本指标), or a cost/complaint by name. */
export function isLessIsBetter(indicator: Indicator): boolean {
    const inCostFamily = [categoryOf(indicator)?.label, groupOf(indicator)?.label].some(label => label?.includes('成本'));
    return inCostFamily || LESS_IS_BETTER_WORDS.some(word => (indicator.name ?? '').includes(word));
}
