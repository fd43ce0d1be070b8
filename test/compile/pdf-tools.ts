/**
 * Test setup for the PDF tests: Chromium (to print), poppler-utils (pdftotext, to read the PDF back) and a
 * Chinese font (so the PDF has real glyphs), installed when missing by test/debian-packages.ts; and readers
 * of the PDFs the tests make.
 */
import { spawnSync } from 'node:child_process';
import { findChromium } from '../../src/compile/pdf.js';
import { type DebianPackages, ensurePackages, hasCommand } from '../debian-packages.js';

export type PdfTools = DebianPackages;

function hasChineseFont(): boolean {
    return (spawnSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' }).stdout ?? '').trim() !== '';
}

export function ensurePdfTools(): PdfTools {
    return ensurePackages('PDF', [
        { check: () => Boolean(findChromium()), package: 'chromium' },
        { check: () => hasCommand('pdftotext'), package: 'poppler-utils' },
        { check: hasChineseFont, package: 'fonts-noto-cjk' }
    ]);
}

/** A4 landscape in PDF points. */
const PAGE = { width: 842, height: 595 };

/**
 * The text of a PDF by pdftotext (poppler-utils); with `columnPoints`, only the text between those x
 * coordinates (in points) on every page, so that a cell wrapped over several lines reads back in one piece
 * instead of interleaved with its neighbours.
 */
export function pdfText(pdfFile: string, columnPoints?: [number, number]): string {
    const crop = columnPoints
        ? ['-r', '72', '-x', String(columnPoints[0]), '-y', '0', '-W', String(columnPoints[1] - columnPoints[0]), '-H', String(PAGE.height)]
        : [];
    const result = spawnSync('pdftotext', [...crop, pdfFile, '-'], { encoding: 'utf8' });
    if (result.status !== 0) {
        throw new Error(`pdftotext failed: ${result.stderr}`);
    }
    return result.stdout;
}

/** Page count and MediaBoxes, read from the PDF as text (Chromium writes them uncompressed). */
export function pdfPages(pdf: Buffer): { count: number; mediaBoxes: number[][] } {
    const text = pdf.toString('latin1');
    const count = text.match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0;
    const mediaBoxes = [...text.matchAll(/\/MediaBox\s*\[\s*([-\d.\s]+)\]/g)]
        .map(match => match[1].trim().split(/\s+/).map(Number));
    return { count, mediaBoxes };
}
