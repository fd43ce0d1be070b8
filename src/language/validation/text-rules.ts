/** Free text: brackets and quotes in pairs, targets without stray punctuation at the end. */
import { GrammarUtils, type AstNode, type ValidationAcceptor, type ValidationChecks } from 'langium';
import { Department, Indicator, Project, type PerfAstType, type QuotedTarget } from '../generated/ast.js';
import { trailingPunctuation } from '../../model/threshold.js';
import { rangeInString } from './string-ranges.js';
import { report } from './rules.js';

type Family = 'double-quote' | 'single-quote' | 'book-title' | 'round' | 'square' | 'lenticular' | 'corner' | 'white-corner' | 'angle';

/** Openers and closers by family; full- and half-width round brackets pair with each other. */
const OPENERS: Record<string, Family> = {
    '“': 'double-quote', '‘': 'single-quote', '《': 'book-title', '（': 'round', '(': 'round', '[': 'square',
    '【': 'lenticular', '「': 'corner', '『': 'white-corner', '〈': 'angle'
};
const CLOSERS: Record<string, Family> = {
    '”': 'double-quote', '’': 'single-quote', '》': 'book-title', '）': 'round', ')': 'round', ']': 'square',
    '】': 'lenticular', '」': 'corner', '』': 'white-corner', '〉': 'angle'
};

/** Every bracket of a text, to jump from one to the next instead of looking at each character. */
const BRACKETS = new RegExp(`[${[...Object.keys(OPENERS), ...Object.keys(CLOSERS)].map(char => `\\${char}`).join('')}]`, 'g');
const OPENER_OF: Record<Family, string> = Object.fromEntries(Object.entries(OPENERS).reverse().map(([char, family]) => [family, char])) as Record<Family, string>;
const CLOSER_OF: Record<Family, string> = Object.fromEntries(Object.entries(CLOSERS).reverse().map(([char, family]) => [family, char])) as Record<Family, string>;

/** The first character without a partner: a closer nothing opened, or an opener never closed. */
export function firstUnbalanced(text: string): { index: number; char: string; partner: string } | undefined {
    const open: Array<{ family: Family; index: number }> = [];
    for (const bracket of text.matchAll(BRACKETS)) {
        const index = bracket.index, char = bracket[0];
        if (OPENERS[char]) {
            open.push({ family: OPENERS[char], index });
        } else if (CLOSERS[char]) {
            if (open.at(-1)?.family !== CLOSERS[char]) {
                return { index, char, partner: OPENER_OF[CLOSERS[char]] };
            }
            open.pop();
        }
    }
    const unclosed = open[0];
    return unclosed ? { index: unclosed.index, char: text[unclosed.index], partner: CLOSER_OF[unclosed.family] } : undefined;
}

/** The texts checked for pairs: names and goals (targets are published prose and checked otherwise). */
const CHECKED_TEXTS: Record<string, Array<[string, string]>> = {
    [Department.$type]: [[Department.name, '部门名称'], [Department.title, '表名']],
    [Project.$type]: [[Project.name, '项目名称'], [Project.user, '资金使用单位'], [Project.goal, '绩效目标']],
    [Indicator.$type]: [[Indicator.name, '指标名称']]
};

export class TextRules {

    checks(): ValidationChecks<PerfAstType> {
        const checkPairs = this.checkBalancedPairs.bind(this);
        return {
            Department: checkPairs,
            Project: checkPairs,
            Indicator: checkPairs,
            QuotedTarget: this.checkTrailingPunctuation.bind(this)
        };
    }

    checkBalancedPairs(node: AstNode, accept: ValidationAcceptor): void {
        for (const [property, label] of CHECKED_TEXTS[node.$type] ?? []) {
            const value = (node as unknown as Record<string, unknown>)[property];
            if (typeof value === 'string') {
                this.checkPairsOf(node, property, label, value, 0, accept);
            } else if (Array.isArray(value)) {
                (value as string[]).forEach((text, i) => this.checkPairsOf(node, property, label, text, i, accept));
            }
        }
    }

    /** One text of a property (the i-th of a list); no array or closure per node, as this runs for every indicator. */
    private checkPairsOf(node: AstNode, property: string, label: string, text: string, i: number, accept: ValidationAcceptor): void {
        const problem = firstUnbalanced(text);
        // Looking up CST nodes walks the node's whole subtree: only done for the rare unbalanced text.
        const cst = problem ? GrammarUtils.findNodesForProperty(node.$cstNode, property)[i] : undefined;
        if (!problem || !cst) {
            return;
        }
        report(accept, 'unbalanced-brackets',
            `${label}“${text}”中的 ${problem.char} 没有配对的 ${problem.partner}：引号、书名号和括号应成对出现。`
            + '（unbalanced quote or bracket）',
            { node, range: rangeInString(node, cst, problem.index, problem.index + 1) });
    }

    checkTrailingPunctuation(target: QuotedTarget, accept: ValidationAcceptor): void {
        if (target.text === undefined) {
            return; // an unclosed quote: a syntax error already says so
        }
        const punctuation = trailingPunctuation(target.text);
        const cst = punctuation ? GrammarUtils.findNodeForProperty(target.$cstNode, 'text') : undefined;
        if (!punctuation || !cst) {
            return;
        }
        const end = target.text.trimEnd().length;
        report(accept, 'trailing-punctuation',
            `指标值“${target.text}”末尾多了“${punctuation}”：指标值不以标点结尾，请删除。（stray punctuation at the end）`,
            { node: target, range: rangeInString(target, cst, end - punctuation.length, end) });
    }
}
