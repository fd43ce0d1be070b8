/**
 * Test setup for the PDF tests: Chromium (to print), poppler-utils (pdftotext, to read the PDF back) and a
 * Chinese font (so the PDF has real glyphs). Installs what is missing with apt-get when running as root;
 * otherwise says loudly why the PDF tests are skipped.
 */
import { spawnSync } from 'node:child_process';
import { findChromium } from '../../src/compile/pdf.js';

export interface PdfTools {
    /** Why the PDF tests cannot run, or undefined when they can. */
    skipReason?: string;
}

function has(command: string): boolean {
    return spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
}

function hasChineseFont(): boolean {
    return (spawnSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' }).stdout ?? '').trim() !== '';
}

function missingPackages(): string[] {
    return [
        ...(findChromium() ? [] : ['chromium']),
        ...(has('pdftotext') ? [] : ['poppler-utils']),
        ...(hasChineseFont() ? [] : ['fonts-noto-cjk'])
    ];
}

let cached: PdfTools | undefined;

export function ensurePdfTools(): PdfTools {
    cached ??= install();
    if (cached.skipReason) {
        console.warn(`\n*** PDF TESTS SKIPPED: ${cached.skipReason} ***\n`);
    }
    return cached;
}

function install(): PdfTools {
    const missing = missingPackages();
    if (missing.length === 0) {
        return {};
    }
    if (process.getuid?.() !== 0) {
        return { skipReason: `missing ${missing.join(' ')}; not root, so cannot apt-get install -y ${missing.join(' ')}` };
    }
    console.warn(`PDF tests: installing ${missing.join(' ')} with apt-get…`);
    const options = { encoding: 'utf8' as const, timeout: 900_000, env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } };
    const update = spawnSync('apt-get', ['-o', 'DPkg::Lock::Timeout=300', 'update'], options);
    const result = spawnSync('apt-get', ['-o', 'DPkg::Lock::Timeout=300', 'install', '-y', '--no-install-recommends', ...missing], options);
    const still = missingPackages();
    if (still.length > 0) {
        const output = `${update.stderr ?? ''}${result.stderr ?? ''}`.trim().split('\n').slice(-2).join(' | ');
        return { skipReason: `apt-get install -y ${still.join(' ')} failed (${output || `exit ${result.status}`})` };
    }
    return {};
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
