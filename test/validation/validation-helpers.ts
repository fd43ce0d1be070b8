import type { LangiumDocument } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import { createServices, parseDocument } from '../helpers.js';

export type Services = Awaited<ReturnType<typeof createServices>>;

export interface Finding {
    code: string;
    severity: 'error' | 'warning' | 'info' | 'hint';
    /** 1-based, as editors and `perf check` show it. */
    line: number;
    column: number;
    message: string;
}

const SEVERITY = { 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' } as const;

export function toFinding(diagnostic: Diagnostic): Finding {
    return {
        code: String(diagnostic.code ?? ''),
        severity: SEVERITY[diagnostic.severity ?? 1],
        line: diagnostic.range.start.line + 1,
        column: diagnostic.range.start.character + 1,
        message: diagnostic.message
    };
}

/** The findings of one rule (or all) in a validated document. */
export function findings(document: LangiumDocument, code?: string): Finding[] {
    return (document.diagnostics ?? []).map(toFinding).filter(f => code === undefined || f.code === code);
}

/** Validates a text and returns the findings of one rule. */
export async function check(services: Services, text: string, code: string): Promise<Finding[]> {
    return findings(await parseDocument(text, services), code);
}

/** 1-based line of the first line containing `fragment` (the n-th with `occurrence`). */
export function lineOf(text: string, fragment: string, occurrence = 1): number {
    const lines = text.split('\n');
    let seen = 0;
    for (let i = 0; i < lines.length; i++) {
        if (lines[i].includes(fragment) && ++seen === occurrence) {
            return i + 1;
        }
    }
    throw new Error(`no line ${occurrence} with ${fragment}`);
}

/** A department with one project; indicators and amounts as given (one per line). */
export function oneProject(options: { indicators?: string[]; amounts?: string[]; department?: string[]; project?: string[] } = {}): string {
    const indicators = options.indicators ?? ['11 "培训场次" 指标值 ≥3场', '21 "带动销售额增长率" 指标值 ≥5%', '31 "企业满意度" 指标值 ≥90%'];
    const amounts = options.amounts ?? ['总计 10.00', '财政拨款 10.00'];
    return [
        '部门 "测试局" {',
        ...(options.department ?? ['单位 万元']).map(line => `    ${line}`),
        '    项目 "测试项目" {',
        ...[...amounts, ...(options.project ?? []), '绩效目标 "完成测试。"', ...indicators].map(line => `        ${line}`),
        '    }',
        '}',
        ''
    ].join('\n');
}

/** oneProject with `line` as its first indicator beside the usual 效益 and 满意度 ones. */
export function withIndicator(line: string): string {
    return oneProject({ indicators: [line, '21 "带动销售额增长率" 指标值 ≥5%', '31 "企业满意度" 指标值 ≥90%'] });
}
