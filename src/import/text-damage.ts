/**
 * Damage real copies carry, repaired before classification and reading, character for character (every
 * repair maps one code point to one code point, so the accounting counts the input's own characters and
 * every mark lands where it did):
 * - traditional characters from mirror sites, converted to simplified with opencc-js (OpenCC's t→cn
 *   dictionaries) when the text reads as traditional — never for simplified text, where an ambiguous
 *   character (乾, 著) would be changed for nothing;
 * - full-width digits (１２３.４５, ≥９５％) as ASCII digits, so that amounts and targets read; a full-width ％
 *   or letter stays as written (the language reads ％, the published reference writes it, and letters are
 *   only ever in free text, printed as published).
 * What was converted is named in the summary. OCR artefacts such as `292%` for `≥92%` are NOT repaired:
 * they are imported as written, and the rate rule flags them where they are.
 */
import { Converter } from 'opencc-js/t2cn';
import type { ImportInput, SourceSheet } from './source-grid.js';

/** A text reads as traditional when at least this share of its Chinese characters change (simplified text: ~0). */
const TRADITIONAL_SHARE = 0.03;
const MIN_TRADITIONAL = 3;

let converter: ((text: string) => string) | undefined;

export interface RepairedInput {
    input: ImportInput;
    /** What was converted, as the summary says it. */
    conversions: string[];
}

export function repairInput(input: ImportInput): RepairedInput {
    const texts = input.form === 'text' ? [input.text] : input.sheets.flatMap(sheet => [...sheet.rows.values()].flat().map(cell => cell.text));
    const chinese = texts.reduce((count, text) => count + (text.match(/\p{Script=Han}/gu)?.length ?? 0), 0);
    const traditional = texts.reduce((count, text) => count + changedChars(text, simplify), 0);
    const convertTraditional = traditional >= MIN_TRADITIONAL && traditional >= chinese * TRADITIONAL_SHARE;
    const repair = (text: string) => halfWidth(convertTraditional ? simplify(text) : text);
    const fullWidth = texts.reduce((count, text) => count + changedChars(text, halfWidth), 0);
    const conversions = [
        ...(convertTraditional ? [`原文为繁体字，已用 opencc-js 转为简体（${traditional} 字）`] : []),
        ...(fullWidth > 0 ? [`全角数字已转为半角（${fullWidth} 个）`] : [])
    ];
    if (conversions.length === 0) {
        return { input, conversions };
    }
    if (input.form === 'text') {
        return { input: { ...input, text: repair(input.text) }, conversions };
    }
    return { input: { form: 'grid', sheets: input.sheets.map(sheet => repairSheet(sheet, repair)) }, conversions };
}

function repairSheet(sheet: SourceSheet, repair: (text: string) => string): SourceSheet {
    return { ...sheet, rows: new Map([...sheet.rows].map(([row, cells]) => [row, cells.map(cell => ({ ...cell, text: repair(cell.text) }))])) };
}

/**
 * Traditional → simplified, one code point for one: OpenCC's phrase dictionaries may change a phrase's
 * length (rarely), and then the characters of that text are converted one by one instead.
 */
function simplify(text: string): string {
    const toSimplified = converter ??= Converter({ from: 't', to: 'cn' });
    const converted = toSimplified(text);
    if ([...converted].length === [...text].length) {
        return converted;
    }
    return [...text].map(char => {
        const one = toSimplified(char);
        return [...one].length === 1 ? one : char;
    }).join('');
}

/** Full-width digits (U+FF10–FF19) as ASCII; a full-width point ． between digits as a point. */
export function halfWidth(text: string): string {
    return text
        .replace(/[\uff10-\uff19]/gu, char => String.fromCodePoint(char.codePointAt(0)! - 0xfee0))
        .replace(/(?<=\d)．(?=[\d\uff10-\uff19])/gu, '.');
}

function changedChars(text: string, convert: (text: string) => string): number {
    const before = [...text];
    const after = [...convert(text)];
    return before.reduce((count, char, index) => count + (after[index] !== char ? 1 : 0), 0);
}
