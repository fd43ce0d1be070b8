import * as fs from 'node:fs';
import { expect } from 'vitest';
import { Column, type OfficialRow, type OfficialTable } from '../src/compile/official-table.js';
import { referenceText, stripWhitespace } from './helpers.js';

/** The published reference text with every whitespace removed: the PDF text wraps cells anywhere. */
export function publishedText(): string {
    return stripWhitespace(fs.readFileSync(referenceText, 'utf8'));
}

export function projectRows(table: OfficialTable): OfficialRow[] {
    return table.rows.filter(row => row.level === 2);
}

/** The numbered items of a 绩效指标 cell: `1、…。2、…。` (an item starts after a 。 with `N、L-`). */
export function indicatorItems(cell: string): string[] {
    return cell.split(/(?<=。)(?=\d+、\d-)/).filter(item => item.length > 0);
}

/**
 * A table is the published reference table when it has its 28 project names and amounts in published
 * order, its 28 goals and its 183 indicator texts, each exactly as published (whitespace aside). The last
 * item's 。 is left out of the comparison: the PDF text puts one project's goal before it.
 */
export function expectPublishedReferenceTable(table: OfficialTable, published = publishedText()): void {
    const projects = projectRows(table);
    expect(projects).toHaveLength(28);
    let position = 0;
    for (const row of projects) {
        const found = published.indexOf(stripWhitespace(row.cells.slice(Column.name, Column.goal).join('')), position);
        expect(found, row.cells[Column.name]).toBeGreaterThan(position);
        position = found;
    }
    const goals = projects.map(row => row.cells[Column.goal]);
    expect(goals.filter(goal => goal !== '')).toHaveLength(28);
    goals.forEach(goal => expect(published, goal).toContain(stripWhitespace(goal)));
    const items = projects.flatMap(row => indicatorItems(row.cells[Column.indicators]));
    expect(items).toHaveLength(183);
    items.forEach(item => expect(published, item).toContain(stripWhitespace(item.slice(0, -1))));
}
