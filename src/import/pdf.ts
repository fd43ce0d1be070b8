/**
 * A PDF read directly (pdfjs-dist, Mozilla's PDF.js; 4.x is the last line that supports Node 20): the text
 * items of every page, with their positions, are laid out as `pdftotext -layout` lays them out — one text
 * line per baseline, each run of touching glyphs at the column of its x position — and then read by the
 * text readers (pdf-layout-text.ts for a table whose columns stand side by side). Columns are half an em of
 * the page's body text (a Chinese character is two columns, a digit about one), the units the layout reader
 * measures centres in. Every line is named by its page and line ("第2页第5行").
 *
 * Fonts that map glyphs to Kangxi or CJK radicals instead of the unified characters (Chromium's PDFs with
 * Noto CJK write ⽬ for 目, ⻔ for 门) are mapped back, or nothing would match.
 */
import { ImportError } from './import-model.js';

export interface PdfText {
    text: string;
    /** `lineNames[i]` names line i+1 of `text`. */
    lineNames: string[];
}

interface Glyphs {
    text: string;
    x: number;
    /** Right edge. */
    end: number;
    y: number;
    size: number;
}

/** Larger PDFs are refused before parsing: a target table is a few pages. */
const MAX_PAGES = 500;
/** Items on baselines closer than this (in ems) are one line: a cell centred vertically beside a wrapped one. */
const SAME_LINE = 0.8;
/** Glyphs closer than this (in ems) belong to one run; up to WORD_SPACE the gap is one space, wider a column boundary. */
const SAME_RUN = 0.2;
const WORD_SPACE = 0.6;

export async function readPdfText(bytes: Buffer, source: string): Promise<PdfText> {
    const pdfjs = await loadPdfjs();
    let document: Awaited<ReturnType<typeof pdfjs.getDocument>['promise']>;
    try {
        document = await pdfjs.getDocument({
            data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, useSystemFonts: false,
            stopAtErrors: false, verbosity: pdfjs.VerbosityLevel.ERRORS
        }).promise;
    } catch (error) {
        const message = (error as Error).message;
        if (/password/i.test(message)) {
            throw new ImportError(`${source}: PDF 有密码保护，无法读取：请先用 PDF 阅读器去掉密码（另存为不加密的 PDF）再导入`);
        }
        throw new ImportError(`${source}: 无法读取该 PDF（${message}）：请确认文件完整，或复制表格文字存为 .txt 后导入`);
    }
    if (document.numPages > MAX_PAGES) {
        throw new ImportError(`${source}: PDF 有 ${document.numPages} 页，超过上限 ${MAX_PAGES} 页：这不像是一张绩效目标表，拒绝导入`);
    }
    const lines: string[] = [];
    const lineNames: string[] = [];
    let glyphCount = 0;
    for (let p = 1; p <= document.numPages; p++) {
        const page = await document.getPage(p);
        const content = await page.getTextContent();
        const glyphs: Glyphs[] = [];
        for (const item of content.items) {
            if (!('str' in item) || item.str.trim() === '') {
                continue;
            }
            const [a, b, , , x, y] = item.transform as number[];
            const size = Math.hypot(a, b) || item.height || 1;
            glyphs.push({ text: unifiedIdeographs(item.str), x, end: x + item.width, y, size });
        }
        glyphCount += glyphs.length;
        pageLines(glyphs).forEach((line, index) => {
            lines.push(line);
            lineNames.push(`第${p}页第${index + 1}行`);
        });
        page.cleanup();
    }
    await document.destroy();
    if (glyphCount === 0) {
        throw new ImportError(`${source}: 这份 PDF 没有文字层（可能是扫描件，只有图片）：请用 OCR 识别成文字（存为 .txt）后导入，或向发布单位索取 Excel 表`);
    }
    return { text: lines.join('\n'), lineNames };
}

/** The page's glyphs as text lines, top to bottom, each run at the column of its x position. */
function pageLines(glyphs: Glyphs[]): string[] {
    if (glyphs.length === 0) {
        return [];
    }
    const sizes = glyphs.map(glyph => glyph.size).sort((a, b) => a - b);
    const column = sizes[Math.floor(sizes.length / 2)] / 2;
    const byBaseline = [...glyphs].sort((a, b) => b.y - a.y || a.x - b.x);
    const rows: Glyphs[][] = [];
    for (const glyph of byBaseline) {
        const row = rows.at(-1);
        if (row && Math.abs(row[0].y - glyph.y) < SAME_LINE * Math.max(row[0].size, glyph.size)) {
            row.push(glyph);
        } else {
            rows.push([glyph]);
        }
    }
    return rows.map(row => {
        let text = '';
        let previous: Glyphs | undefined;
        for (const glyph of row.sort((a, b) => a.x - b.x)) {
            const gap = previous ? glyph.x - previous.end : Infinity;
            if (previous && gap < SAME_RUN * glyph.size) {
                text += glyph.text;
            } else if (previous && gap < WORD_SPACE * glyph.size) {
                text += ` ${glyph.text}`;
            } else {
                const at = Math.round(glyph.x / column);
                text += previous ? ' '.repeat(Math.max(1, at - [...text].length)) : ' '.repeat(Math.max(0, at));
                text += glyph.text;
            }
            previous = glyph;
        }
        return text.trimEnd();
    });
}

/** Kangxi radicals (NFKC maps them) and the CJK radical supplement's simplified forms, as the characters they stand for. */
function unifiedIdeographs(text: string): string {
    return text.replace(/[\u2e80-\u2fdf\u2015]/gu, char => RADICAL_SUPPLEMENT[char] ?? SHARED_GLYPH[char] ?? char.normalize('NFKC'));
}

/**
 * Code points that share a glyph with the one Chinese text uses, where the font's mapping picks the other:
 * Kangxi radicals whose NFKC form is the traditional variant (Noto CJK SC prints 户 and maps it to ⼾, whose
 * NFKC form is 戶; traditional text is converted to simplified anyway, text-damage.ts), and the horizontal
 * bar for the em dash of 破折号 (GB 18030 maps ― to —).
 */
const SHARED_GLYPH: Record<string, string> = { '⼾': '户', '⾭': '青', '⿈': '黄', '―': '—' };

// Unicode's EquivalentUnifiedIdeograph.txt, the simplified and common forms of the supplement block.
const RADICAL_SUPPLEMENT: Record<string, string> = {
    '⺠': '民', '⻄': '西', '⻅': '见', '⻆': '角', '⻈': '讠', '⻉': '贝', '⻋': '车', '⻊': '足', '⻎': '辶',
    '⻏': '阝', '⻐': '钅', '⻓': '长', '⻔': '门', '⻖': '阝', '⻗': '雨', '⻘': '青', '⻚': '页', '⻛': '风',
    '⻜': '飞', '⻝': '食', '⻠': '饣', '⻢': '马', '⻣': '骨', '⻤': '鬼', '⻥': '鱼', '⻦': '鸟', '⻧': '卤',
    '⻨': '麦', '⻩': '黄', '⻪': '黾', '⻬': '齐', '⻮': '齿', '⻰': '龙', '⻳': '龟', '⺟': '母', '⺬': '示',
    '⺭': '礻', '⺮': '竹', '⺼': '肉', '⻁': '虎'
};

type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjsModule: Promise<Pdfjs> | undefined;

/**
 * Loads PDF.js once, with its worker in this thread (a bundle has no worker file beside it). PDF.js warns
 * with console.log while it loads (no canvas package: only rendering needs one); stdout carries the
 * imported document (`perf import x.pdf > x.perf`), so those lines go to stderr.
 */
function loadPdfjs(): Promise<Pdfjs> {
    pdfjsModule ??= (async () => {
        const log = console.log;
        console.log = console.error;
        try {
            const worker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
            (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
            return await import('pdfjs-dist/legacy/build/pdf.mjs');
        } finally {
            console.log = log;
        }
    })();
    return pdfjsModule;
}
