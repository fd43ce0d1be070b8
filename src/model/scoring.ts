/**
 * Scores and directions of the layouts that give them: an indicator's weight (分值 / 权重), its direction
 * (正向 / 反向), its value type (定量 / 定性), the level-1 score ranges (产出指标(40-50)分) and the fixed score of
 * 预算执行率 (101号 forms: 10 of 100). Exact decimals; the written spelling stays in the AST.
 */
import type { Indicator, LevelScore, Project } from '../language/generated/ast.js';
import { Decimal, normalizeAmountText } from './money.js';

export type Direction = 'positive' | 'negative';
export type ValueType = 'quantitative' | 'qualitative';

const DIRECTION: Record<NonNullable<Indicator['direction']>, Direction> =
    { '正向': 'positive', 'positive': 'positive', '反向': 'negative', 'negative': 'negative' };
const VALUE_TYPE: Record<NonNullable<Indicator['valueType']>, ValueType> =
    { '定量': 'quantitative', 'quantitative': 'quantitative', '定性': 'qualitative', 'qualitative': 'qualitative' };

/** 正向 (higher is better) or 反向 (lower is better), when the indicator states it. */
export function directionOf(indicator: Indicator): Direction | undefined {
    return indicator.direction ? DIRECTION[indicator.direction] : undefined;
}

/** 定量 or 定性, when the indicator states it. */
export function valueTypeOf(indicator: Indicator): ValueType | undefined {
    return indicator.valueType ? VALUE_TYPE[indicator.valueType] : undefined;
}

/** A score or weight as written: 10, 7.5, 10分, 10%, full-width digits. */
const SCORE = /^(\d+(?:\.\d+)?)(?:分|%)?$/;

export function parseScore(text: string | undefined): Decimal | undefined {
    const match = text === undefined ? null : SCORE.exec(normalizeAmountText(text).replace(/％/g, '%'));
    return match ? new Decimal(match[1]) : undefined;
}

/** The indicator's weight (分值 / 权重), or undefined when it has none or it is not a number. */
export function weightOf(indicator: Indicator): Decimal | undefined {
    return parseScore(indicator.weight);
}

/** A level-1 score range: 40-50, or a single score (min = max). */
export interface ScoreRange {
    min: Decimal;
    max: Decimal;
}

export function scoreRangeOf(score: LevelScore): ScoreRange | undefined {
    const min = parseScore(score.min);
    const max = score.max === undefined ? min : parseScore(score.max);
    return min && max ? { min, max } : undefined;
}

/** What the weights of a form add up to: 100, or 90 when the 10 of 预算执行率 is not written as a row. */
export const FULL_SCORE = new Decimal(100);
export const EXECUTION_SCORE = new Decimal(10);

/** The 预算执行率 score the project states (its written number), else undefined. */
export function executionScoreOf(project: Project): Decimal | undefined {
    return parseScore(project.executionScore);
}
