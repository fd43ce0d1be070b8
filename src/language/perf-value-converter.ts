import { DefaultValueConverter, GrammarAST, GrammarUtils, type AstNode, type CstNode, type ValueType } from 'langium';
import { unquote } from './quoted-text.js';
import { sharedString } from './shared-strings.js';

/** STRING tokens read through quoted-text.ts: both quote kinds, and unclosed text the lexer recovered. */
export class PerfValueConverter extends DefaultValueConverter {

    /**
     * The terminal or datatype rule each grammar element's text converts by. Langium works it out again for
     * every token, through the grammar's own references: ~0.1 s of a 25,000-indicator check.
     */
    private readonly ruleOfElement = new Map<AstNode, GrammarAST.AbstractRule | null>();

    override convert(input: string, cstNode: CstNode): ValueType {
        const element = cstNode.grammarSource;
        let rule = element && this.ruleOfElement.get(element);
        if (element && rule === undefined) {
            const call = GrammarAST.isCrossReference(element) ? GrammarUtils.getCrossReferenceTerminal(element) : element;
            rule = (GrammarAST.isRuleCall(call) ? call.rule.ref : undefined) ?? null;
            this.ruleOfElement.set(element, rule);
        }
        return rule ? this.runConverter(rule, input, cstNode) : super.convert(input, cstNode);
    }

    protected override runConverter(rule: GrammarAST.AbstractRule, input: string, cstNode: CstNode): ValueType {
        switch (rule.name) {
            case 'STRING': return sharedString(unquote(input));
            // A digit run keeps its spelling (perf.langium): what Langium returns for a string terminal.
            case 'NUMBERISH': return sharedString(input);
            default: return super.runConverter(rule, input, cstNode);
        }
    }
}
