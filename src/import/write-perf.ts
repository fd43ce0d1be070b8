/**
 * An imported table as .perf text, already in canonical form (4-space indentation, one statement per line,
 * one indicator per line, a blank line between projects), ending with the import summary.
 *
 * Targets: the unquoted simple form (comparator + number-with-unit, e.g. ≥3%, 不低于15) only where the
 * grammar reads it back as exactly the same text; anything else is quoted verbatim. `指标值` when the period
 * and annual targets are equal.
 */
import { DEFAULT_CATALOG } from '../catalog/builtin-catalogs.js';
import { DEFAULT_TITLE } from '../compile/official-table.js';
import { DEFAULT_LAYOUT, layoutNamed } from '../compile/layouts.js';
import { isSimpleTargetText } from '../language/numberish.js';
import { quote } from '../language/quoted-text.js';
import { FUND_LABEL, SOURCE_KEYS, type FundKey } from '../model/figures.js';
import { Decimal, formatAmount, sum } from '../model/money.js';
import { chooseCatalog, type CatalogInfo } from './catalog-info.js';
import type { ImportedDepartment, ImportedIndicator, ImportedProject, ImportedTable, ImportNote } from './import-model.js';
import type { ImportedLayout } from './layouts/layout-model.js';
import { departmentFieldLines, indicatorExtras, layoutLine, projectFieldLines, resolveLevels, targetsOf, type Spelling } from './layouts/write-layout.js';
import { amountValue, shownTotal } from './row-amounts.js';
import { summaryLines } from './summary.js';

const INDENT = '    ';


/** A target as .perf text: unquoted when the grammar reads it back as exactly this text, else quoted. */
export function targetSource(text: string): string {
    return isSimpleTargetText(text) ? text : quote(text);
}

/** Comment lines (a line break in the text starts a new comment line). */
function comment(indent: string, text: string): string[] {
    return text.split(/\r\n|\r|\n/).map(line => `${indent}// ${line}`.trimEnd());
}

const SPELLING: Spelling = { quote, target: targetSource };

export function noteLines(indent: string, note: ImportNote): string[] {
    const lines = comment(indent, `导入未识别（${note.position}）：${note.message}`);
    if (note.text !== undefined) {
        lines.push(...comment(indent, `原文：${note.text}`));
    }
    return lines;
}

export interface WritePerfOptions {
    catalogs: CatalogInfo[];
}

export interface WrittenPerf {
    text: string;
    /** Notes the writer added (indicators it could not place in the catalog, totals that disagree). */
    notes: ImportNote[];
}

export function writePerf(table: ImportedTable, options: WritePerfOptions): WrittenPerf {
    const indicators = table.departments.flatMap(d => [...(d.indicators ?? []), ...d.projects.flatMap(p => p.indicators)]);
    const catalog = chooseCatalog(options.catalogs, indicators);
    const writerNotes: ImportNote[] = [];
    const lines: string[] = [`// ${table.title ?? DEFAULT_TITLE}：由 perf import 从 ${table.source} 导入。`];
    for (const note of table.notes) {
        lines.push(...noteLines('', note));
    }
    table.departments.forEach((department, index) => {
        lines.push(...departmentLines(table, department, index === 0, catalog, writerNotes));
    });
    const grandTotalNote = checkGrandTotal(table);
    if (grandTotalNote) {
        writerNotes.push(grandTotalNote);
        lines.push(...noteLines('', grandTotalNote));
    }
    lines.push('', ...summaryLines(table, writerNotes));
    return { text: lines.join('\n') + '\n', notes: writerNotes };
}

/**
 * The 预算年度 a published title carries and the title without it, when the layout prints exactly that title
 * again from the two (项目列表: 2024年…, 指标行: 2024年度…, 项目表 and 部门整体: …（2024年度）); else the title as it is.
 */
function titleAndYear(title: string, layout: ImportedLayout | undefined): { title: string; year?: string } {
    const withYear = (layout ? layoutNamed(layout) : DEFAULT_LAYOUT)?.titleWithYear;
    for (const [year] of withYear ? title.matchAll(/(?<!\d)\d{4}(?!\d)/g) : []) {
        const rest = [`${year}年度`, `${year}年`, `（${year}年度）`, `(${year}年度)`]
            .map(written => title.replace(written, '').trim())
            .find(candidate => candidate !== '' && candidate !== title && !candidate.startsWith('度') && withYear!(candidate, year) === title);
        if (rest) {
            return { title: rest, year };
        }
    }
    return { title };
}

function departmentLines(
    table: ImportedTable, department: ImportedDepartment, first: boolean,
    catalog: CatalogInfo | undefined, writerNotes: ImportNote[]
): string[] {
    const lines = [`部门 ${quote(department.name)} {`];
    for (const note of department.notes) {
        lines.push(...noteLines(INDENT, note));
    }
    const titled = first && table.title ? titleAndYear(table.title, table.layout) : undefined;
    if (titled && titled.title !== DEFAULT_TITLE) {
        lines.push(`${INDENT}表名 ${quote(titled.title)}`);
    }
    if (titled?.year) {
        lines.push(`${INDENT}预算年度 ${titled.year}`);
    }
    if (table.unit) {
        lines.push(`${INDENT}单位 ${table.unit}`);
    }
    if (first) {
        lines.push(...layoutLine(table, SPELLING, INDENT));
    }
    if (catalog && catalog.name !== DEFAULT_CATALOG) {
        lines.push(`${INDENT}指标体系 ${quote(catalog.name)}`);
    }
    lines.push(...departmentAmountLines(department), ...departmentFieldLines(department, INDENT, SPELLING));
    for (const indicator of department.indicators ?? []) {
        lines.push(...indicatorLines(indicator, catalog, INDENT, writerNotes, table.layout !== undefined));
    }
    for (const project of department.projects) {
        lines.push('', ...projectLines(project, catalog, writerNotes, table.layout !== undefined));
    }
    lines.push('}');
    return lines;
}

/**
 * A department states an amount only where its row differs from what the compiler computes from its
 * projects (the published 合计 may disagree with the projects' sum: it is then kept as published).
 */
function departmentAmountLines(department: ImportedDepartment): string[] {
    const computed: Record<FundKey, Decimal> = {
        total: sum(department.projects.map(project => shownTotal(project.amounts))),
        fiscal: sum(department.projects.map(project => amountValue(project.amounts.fiscal))),
        specialAccount: sum(department.projects.map(project => amountValue(project.amounts.specialAccount))),
        other: sum(department.projects.map(project => amountValue(project.amounts.other)))
    };
    const lines: string[] = [];
    if (Object.keys(department.amounts).length === 0) {
        return lines; // no department row in the input (CSV): everything is computed
    }
    for (const key of ['total', ...SOURCE_KEYS] as FundKey[]) {
        const written = department.amounts[key];
        if (key === 'total' && written === undefined) {
            continue;
        }
        const published = written === undefined || (key !== 'total' && amountValue(written).isZero()) ? '' : written;
        const wouldShow = key !== 'total' && computed[key].isZero() ? '' : formatAmount(computed[key]);
        if (published !== wouldShow) {
            lines.push(`${INDENT}${key === 'total' ? '合计' : FUND_LABEL[key]} ${published === '' ? '0.00' : published}`);
        }
    }
    return lines;
}

function projectLines(project: ImportedProject, catalog: CatalogInfo | undefined, writerNotes: ImportNote[], layout: boolean): string[] {
    const inner = INDENT + INDENT;
    const lines = [`${INDENT}项目 ${quote(project.name)} {`];
    for (const note of project.notes) {
        lines.push(...noteLines(inner, note));
    }
    if (project.user !== undefined) {
        lines.push(`${inner}资金使用单位 ${quote(project.user)}`);
    }
    for (const key of ['total', ...SOURCE_KEYS] as FundKey[]) {
        const written = project.amounts[key];
        if (written !== undefined) {
            lines.push(`${inner}${FUND_LABEL[key]} ${written}`);
        }
    }
    project.goal.forEach((line, index) => {
        lines.push(index === 0 ? `${inner}绩效目标 ${quote(line)}` : `${inner}${INDENT}${quote(line)}`);
    });
    lines.push(...projectFieldLines(project, catalog, inner, SPELLING));
    for (const indicator of project.indicators) {
        lines.push(...indicatorLines(indicator, catalog, inner, writerNotes, layout));
    }
    lines.push(`${INDENT}}`);
    return lines;
}

function indicatorLines(indicator: ImportedIndicator, catalog: CatalogInfo | undefined, indent: string, writerNotes: ImportNote[], layout = false): string[] {
    const targets = targetsOf(indicator, SPELLING);
    const resolved = catalog ? resolveLevels(catalog, indicator, layout) : undefined;
    const written = `${indicator.groupCode ?? ''}${indicator.groupCode ? '-' : ''}${indicator.groupLabel ?? ''}；`
        + `${indicator.categoryCode ?? ''}${indicator.categoryCode ? '-' : ''}${indicator.categoryLabel ?? ''}`;
    if (!resolved) {
        // No code to write: the indicator is kept whole, as a comment to fix by hand.
        const note: ImportNote = {
            position: indicator.position,
            message: `指标体系${catalog ? `“${catalog.name}”` : ''}中找不到二级指标“${written}”，指标未写入文档：请补上二级指标代码`,
            text: `${quote(indicator.name)} ${targets}`
        };
        writerNotes.push(note);
        return noteLines(indent, note);
    }
    const lines = resolved.caveats.length > 0
        ? comment(indent, `导入说明（${indicator.position}）：${resolved.caveats.join('；')}`)
        : [];
    const code = resolved.group ? `${resolved.group}/${resolved.category}` : resolved.category;
    lines.push(`${indent}${code} ${quote(indicator.name)} ${targets}${indicatorExtras(indicator, resolved, SPELLING)}`);
    return lines;
}

/** The 合计 row is computed from the departments: a published one that differs is reported, not lost. */
function checkGrandTotal(table: ImportedTable): ImportNote | undefined {
    if (!table.grandTotal) {
        return undefined;
    }
    const differences: string[] = [];
    for (const key of ['total', ...SOURCE_KEYS] as FundKey[]) {
        const written = amountValue(table.grandTotal.amounts[key]);
        const computed = sum(table.departments.map(department => departmentShown(department, key)));
        if (!written.equals(computed)) {
            differences.push(`${FUND_LABEL[key]} ${formatAmount(written)}（各部门之和 ${formatAmount(computed)}）`);
        }
    }
    return differences.length > 0
        ? { position: table.grandTotal.position, message: `合计行与各部门之和不一致，文档的合计由部门行相加得出：${differences.join('，')}` }
        : undefined;
}

function departmentShown(department: ImportedDepartment, key: FundKey): Decimal {
    const written = department.amounts[key];
    if (written !== undefined) {
        return amountValue(written);
    }
    return key === 'total'
        ? sum(department.projects.map(project => shownTotal(project.amounts)))
        : sum(department.projects.map(project => amountValue(project.amounts[key])));
}
