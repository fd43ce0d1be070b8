import type { ILexerErrorMessageProvider, IParserErrorMessageProvider, IToken, TokenType } from 'chevrotain';
import { LangiumParserErrorMessageProvider } from 'langium';
import { closingQuoteOf, isQuoted } from './quoted-text.js';

/**
 * Syntax errors in words a budget officer can act on: what is wrong and what to write instead, in Chinese
 * with a short English gloss. Chevrotain's defaults speak of token types.
 */
export class PerfParserErrorMessageProvider extends LangiumParserErrorMessageProvider implements IParserErrorMessageProvider {

    override buildMismatchTokenMessage(options: { expected: TokenType; actual: IToken; previous: IToken; ruleName: string }): string {
        return `${expectation([options.expected])}，但这里是${found(options.actual)}。(expected ${tokenName(options.expected)})`;
    }

    override buildNotAllInputParsedMessage(options: { firstRedundant: IToken; ruleName: string }): string {
        return `多余的内容${found(options.firstRedundant)}：部门或指标体系的“}”之后不能再写别的内容。(unexpected text after the end)`;
    }

    override buildNoViableAltMessage(options: { expectedPathsPerAlt: TokenType[][][]; actual: IToken[]; ruleName: string }): string {
        const firsts = options.expectedPathsPerAlt.flatMap(paths => paths.map(path => path[0])).filter(Boolean);
        return `${expectation(firsts)}，但这里是${found(options.actual[0])}。(unexpected input)`;
    }

    override buildEarlyExitMessage(options: { expectedIterationPaths: TokenType[][]; actual: IToken[]; ruleName: string }): string {
        const firsts = options.expectedIterationPaths.map(path => path[0]).filter(Boolean);
        return `${expectation(firsts)}，但这里是${found(options.actual[0])}。(unexpected input)`;
    }
}

export class PerfLexerErrorMessageProvider implements ILexerErrorMessageProvider {

    buildUnexpectedCharactersMessage(fullText: string, startOffset: number, length: number): string {
        const text = fullText.substring(startOffset, startOffset + Math.min(length, 20));
        if (isQuoted(text)) {
            const closing = closingQuoteOf(text);
            return `引号没有结束：在这一行的文字末尾补上 ${closing}（${text[0]} 要以 ${closing} 结束）。(unclosed quote)`;
        }
        if (/^[\u3400-\u9fff]/.test(text)) {
            return `“${text}”没有加引号：名称、绩效目标和文字型指标值要写在双引号中，如 "${text}" 或 “${text}”。(quote free text)`;
        }
        return `无法识别的字符“${text}”：请检查是否误输入，文字要写在双引号 "…" 或 “…” 中。(unexpected character)`;
    }

    buildUnableToPopLexerModeMessage(token: IToken): string {
        return `无法识别“${token.image}”。`;
    }
}

/** A word at the start of a line that is no keyword, but one typo away from `keyword`. */
export function unknownKeywordMessage(written: string, keyword: string): string {
    return `未知的关键字“${written}”，是否要写“${keyword}”？(unknown keyword; did you mean ${keyword}?)`;
}

/** A colon after a keyword, as a Chinese input method types it (资金使用单位：): the grammar has none. */
export function fullWidthColonMessage(colon: string): string {
    return `这里不需要冒号“${colon}”：关键字和内容之间用空格隔开，如 资金使用单位 "某某局"。(no colon needed)`;
}

const TOKEN_DESCRIPTIONS: Record<string, string> = {
    STRING: '带双引号的文字（如 "工作经费" 或 “工作经费”）',
    NUMBERISH: '数字（如 24.00、11 或 ≥3% 中的 3%）',
    EOF: '文件结束'
};

function tokenName(type: TokenType): string {
    return type.name;
}

function describe(type: TokenType): string {
    return TOKEN_DESCRIPTIONS[type.name] ?? `“${type.name}”`;
}

function expectation(types: TokenType[]): string {
    const unique = [...new Set(types.map(describe))];
    const shown = unique.slice(0, 6).join('、') + (unique.length > 6 ? ' 等' : '');
    return `这里应写${shown}`;
}

function found(token: IToken | undefined): string {
    if (!token || token.tokenType?.name === 'EOF') {
        return '文件结尾（可能缺少“}”）';
    }
    return `“${token.image}”`;
}
