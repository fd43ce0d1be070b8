import { DefaultValueConverter, type CstNode, type GrammarAST, type ValueType } from 'langium';
import { unquote } from './quoted-text.js';

/** STRING tokens read through quoted-text.ts: both quote kinds, and unclosed text the lexer recovered. */
export class PerfValueConverter extends DefaultValueConverter {

    protected override runConverter(rule: GrammarAST.AbstractRule, input: string, cstNode: CstNode): ValueType {
        return rule.name === 'STRING' ? unquote(input) : super.runConverter(rule, input, cstNode);
    }
}
