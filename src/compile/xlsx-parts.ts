/**
 * The fixed parts of an XLSX package with one worksheet (content types, relationships, workbook,
 * document properties) and the shared-string table, written as SpreadsheetML text.
 */

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
export const MAIN_NAMESPACE = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const RELATIONSHIPS_NAMESPACE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PACKAGE_RELATIONSHIPS_NAMESPACE = 'http://schemas.openxmlformats.org/package/2006/relationships';

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
// Characters XML 1.0 cannot hold (exceljs dropped them too); tab, LF and CR are kept.
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffe\uffff]/g;

/** Text for XML element content or a double-quoted attribute. */
export function escapeXml(text: string): string {
    return text.replace(NOT_XML, '').replace(/[&<>"]/g, ch => XML_ESCAPES[ch]);
}

/**
 * Excel reads "_xHHHH_" in cell text as an escaped character, so text that contains such a sequence
 * literally has its underscore escaped as "_x005F_" to come back as written.
 */
function escapeCellText(text: string): string {
    return escapeXml(text).replace(/_(?=x[0-9A-Fa-f]{4}_)/g, '_x005F_');
}

/** Each distinct cell text once, in order of first use (xl/sharedStrings.xml). */
export class SharedStrings {
    private readonly indexByText = new Map<string, number>();
    private readonly items: string[] = [];
    private references = 0;

    index(text: string): number {
        this.references++;
        let index = this.indexByText.get(text);
        if (index === undefined) {
            index = this.items.length;
            // Leading or trailing blanks and line breaks survive only with xml:space="preserve".
            const space = /^\s|\n|\s$/.test(text) ? ' xml:space="preserve"' : '';
            this.items.push(`<si><t${space}>${escapeCellText(text)}</t></si>`);
            this.indexByText.set(text, index);
        }
        return index;
    }

    toXml(): string {
        return `${XML_DECLARATION}<sst xmlns="${MAIN_NAMESPACE}" count="${this.references}" uniqueCount="${this.items.length}">`
            + this.items.join('') + '</sst>';
    }
}

export const SHEET_PATH = 'xl/worksheets/sheet1.xml';
export const STYLES_PATH = 'xl/styles.xml';
export const SHARED_STRINGS_PATH = 'xl/sharedStrings.xml';

export const CONTENT_TYPES_XML = XML_DECLARATION
    + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    + '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    + '<Default Extension="xml" ContentType="application/xml"/>'
    + '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    + `<Override PartName="/${SHEET_PATH}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`
    + `<Override PartName="/${STYLES_PATH}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>`
    + `<Override PartName="/${SHARED_STRINGS_PATH}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>`
    + '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
    + '</Types>';

export const PACKAGE_RELATIONSHIPS_XML = XML_DECLARATION
    + `<Relationships xmlns="${PACKAGE_RELATIONSHIPS_NAMESPACE}">`
    + `<Relationship Id="rId1" Type="${RELATIONSHIPS_NAMESPACE}/officeDocument" Target="xl/workbook.xml"/>`
    + '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
    + '</Relationships>';

export const WORKBOOK_RELATIONSHIPS_XML = XML_DECLARATION
    + `<Relationships xmlns="${PACKAGE_RELATIONSHIPS_NAMESPACE}">`
    + `<Relationship Id="rId1" Type="${RELATIONSHIPS_NAMESPACE}/worksheet" Target="${SHEET_PATH.slice('xl/'.length)}"/>`
    + `<Relationship Id="rId2" Type="${RELATIONSHIPS_NAMESPACE}/styles" Target="${STYLES_PATH.slice('xl/'.length)}"/>`
    + `<Relationship Id="rId3" Type="${RELATIONSHIPS_NAMESPACE}/sharedStrings" Target="${SHARED_STRINGS_PATH.slice('xl/'.length)}"/>`
    + '</Relationships>';

/** xl/workbook.xml: the one sheet, and the rows repeated at the top of every printed page (if any). */
export function workbookXml(sheetName: string, printTitleRows: string | undefined): string {
    const quotedName = `'${sheetName.replaceAll("'", "''")}'`;
    return `${XML_DECLARATION}<workbook xmlns="${MAIN_NAMESPACE}" xmlns:r="${RELATIONSHIPS_NAMESPACE}">`
        + '<workbookPr/><bookViews><workbookView/></bookViews>'
        + `<sheets><sheet name="${escapeXml(sheetName)}" sheetId="1" r:id="rId1"/></sheets>`
        + (printTitleRows === undefined ? ''
            : `<definedNames><definedName name="_xlnm.Print_Titles" localSheetId="0">${escapeXml(`${quotedName}!${printTitleRows}`)}</definedName></definedNames>`)
        + '<calcPr calcId="171027"/>'
        + '</workbook>';
}

/**
 * docProps/core.xml. No creation date: the same table always gives the same bytes, so a compiled
 * workbook under version control changes only when the table does.
 */
export function corePropertiesXml(properties: { creator: string; title: string; subject: string }): string {
    return XML_DECLARATION
        + '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"'
        + ' xmlns:dc="http://purl.org/dc/elements/1.1/">'
        + `<dc:creator>${escapeXml(properties.creator)}</dc:creator>`
        + `<dc:title>${escapeXml(properties.title)}</dc:title>`
        + `<dc:subject>${escapeXml(properties.subject)}</dc:subject>`
        + `<cp:lastModifiedBy>${escapeXml(properties.creator)}</cp:lastModifiedBy>`
        + '</cp:coreProperties>';
}
