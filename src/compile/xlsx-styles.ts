/**
 * The cell styles of perf's workbook as one shared table (xl/styles.xml): every cell points at one of
 * a dozen formats by index, where exceljs built a style object per cell and deduplicated them on write.
 */
import { MAIN_NAMESPACE, XML_DECLARATION } from './xlsx-parts.js';

export const FONT_NAME = '宋体';
export const FONT_SIZE = 10;
export const TITLE_FONT_SIZE = 16;
/** Excel's built-in number format 4. */
export const AMOUNT_FORMAT = '#,##0.00';
const AMOUNT_FORMAT_ID = 4;

export interface CellStyle {
    font: 'title' | 'regular' | 'bold';
    border?: boolean;
    amount?: boolean;
    horizontal: 'left' | 'center' | 'right';
    vertical: 'top' | 'center';
    wrapText?: boolean;
    indent?: number;
}

// Font 0 is the workbook default (Excel's Calibri 11), then 宋体 16 bold, 10, 10 bold.
const FONT_IDS: Record<CellStyle['font'], number> = { title: 1, regular: 2, bold: 3 };
const FONTS_XML = '<fonts count="4">'
    + '<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>'
    + `<font><b/><sz val="${TITLE_FONT_SIZE}"/><name val="${FONT_NAME}"/><charset val="134"/></font>`
    + `<font><sz val="${FONT_SIZE}"/><name val="${FONT_NAME}"/><charset val="134"/></font>`
    + `<font><b/><sz val="${FONT_SIZE}"/><name val="${FONT_NAME}"/><charset val="134"/></font>`
    + '</fonts>';

/** Hands out the index of each distinct style, in order of first use; index 0 is Excel's default. */
export class StyleTable {
    private readonly indexByKey = new Map<string, number>();
    private readonly formats: string[] = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'];

    index(style: CellStyle): number {
        const key = JSON.stringify(style);
        let index = this.indexByKey.get(key);
        if (index === undefined) {
            index = this.formats.push(formatXml(style)) - 1;
            this.indexByKey.set(key, index);
        }
        return index;
    }

    toXml(): string {
        return `${XML_DECLARATION}<styleSheet xmlns="${MAIN_NAMESPACE}">`
            + FONTS_XML
            + '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
            + '<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>'
            + '<border><left style="thin"/><right style="thin"/><top style="thin"/><bottom style="thin"/><diagonal/></border></borders>'
            + '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
            + `<cellXfs count="${this.formats.length}">${this.formats.join('')}</cellXfs>`
            + '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
            + '<dxfs count="0"/><tableStyles count="0"/>'
            + '</styleSheet>';
    }
}

function formatXml(style: CellStyle): string {
    const numberFormat = style.amount ? AMOUNT_FORMAT_ID : 0;
    const border = style.border ? 1 : 0;
    const applied = (style.amount ? ' applyNumberFormat="1"' : '') + ' applyFont="1"'
        + (style.border ? ' applyBorder="1"' : '') + ' applyAlignment="1"';
    const alignment = `<alignment horizontal="${style.horizontal}" vertical="${style.vertical}"`
        + (style.wrapText ? ' wrapText="1"' : '') + (style.indent ? ` indent="${style.indent}"` : '') + '/>';
    return `<xf numFmtId="${numberFormat}" fontId="${FONT_IDS[style.font]}" fillId="0" borderId="${border}" xfId="0"${applied}>${alignment}</xf>`;
}
