/**
 * A faster reader of the grammar, in place of Langium's parser (issue 17), for the CLI and the editor alike.
 *
 * Langium's parser drives Chevrotain with ALL(*) lookahead, looks up the assignment of every consumed grammar
 * element, and walks the finished tree twice more (containers, mandatory properties): ~0.5 s of a ~1.2 s
 * check at 25,000 indicators, 3.6 ms per keystroke in a 300-indicator file (the reader: 1.05 ms). This reader
 * is compiled once from the same grammar (perf.langium): one step per grammar element, two-token lookahead
 * computed from the grammar (grammar-lookahead.ts), and the tree built with Langium's own CST builder, linker
 * and value converter, in the same calls and order as LangiumParser. So the AST and CST are the same objects
 * with the same keys: test/language/grammar-reader.test.ts compares both over the reference, every example,
 * catalog, starter and import, generated and fuzzed documents, and the findings they give.
 *
 * It only reads text without mistakes: at a lexing error or a token it does not expect, it hands the whole
 * text to Langium's parser, whose error recovery and messages are the ones users see.
 */
import type { IToken, TokenType } from 'chevrotain';
import {
    AstUtils, CstNodeBuilder, GrammarAST, GrammarUtils, createLangiumParser, isAstNode,
    type AstNode, type CstNode, type LangiumCoreServices, type LangiumParser, type Mutable, type ParseResult, type ParserOptions
} from 'langium';
import { ANY_NEXT, GrammarLookahead, overlap, type Viability } from './grammar-lookahead.js';
import { UnsupportedGrammar } from './unsupported-grammar.js';

/** Langium reads only `parse` from its LangiumParser service (workspace/documents.js, parser/async-parser.js). */
export type DocumentParser = Pick<LangiumParser, 'parse'>;

/** Thrown at the first token the reader does not expect: the text goes to Langium's parser instead. */
const NOT_READ = Symbol('not read');

/** An AST node under construction, or the text of a datatype rule (Money, MoneyUnit). */
type Building = Record<string, unknown> & { $type: string | typeof DATATYPE; $cstNode: CstNode };
/** A node as the reader links it: to its CST node and to its container. */
type Linked = Omit<Mutable<AstNode>, '$cstNode'> & Record<string, unknown> & { $cstNode?: Mutable<CstNode> };
const DATATYPE = Symbol('datatype');

interface ReadState {
    readonly tokens: IToken[];
    position: number;
    readonly hidden: IToken[];
    hiddenPosition: number;
    readonly builder: CstNodeBuilder;
    readonly building: Building[];
}

type Step = (state: ReadState) => void;
type RuleStep = (state: ReadState) => unknown;

/** What a consumed token or rule result is assigned to, as LangiumParser.getAssignment finds it. */
interface Target {
    readonly feature: string;
    readonly operator: '=' | '+=' | '?=';
    readonly reference?: 'single' | 'multi';
}

export class GrammarReader implements DocumentParser {

    private readonly services: LangiumCoreServices;
    private readonly entry: RuleStep;
    private langiumParser?: LangiumParser;

    constructor(services: LangiumCoreServices) {
        this.services = services;
        this.entry = new ReaderCompiler(services).compileEntry();
    }

    parse<T extends AstNode = AstNode>(text: string, options?: ParserOptions): ParseResult<T> {
        const read = options?.rule === undefined ? this.read<T>(text) : undefined;
        if (read) {
            return read;
        }
        this.langiumParser ??= createLangiumParser(this.services);
        return this.langiumParser.parse<T>(text, options);
    }

    /** The text read by the reader itself, or undefined at a lexing error or a token it does not expect. */
    read<T extends AstNode = AstNode>(text: string): ParseResult<T> | undefined {
        const lexed = this.services.parser.Lexer.tokenize(text);
        if (lexed.errors.length > 0) {
            return undefined;
        }
        const state: ReadState = {
            tokens: lexed.tokens, position: 0, hidden: lexed.hidden, hiddenPosition: 0,
            builder: new CstNodeBuilder(), building: []
        };
        state.builder.buildRootNode(text);
        try {
            const value = this.entry(state) as Linked;
            if (state.position < state.tokens.length) {
                return undefined;
            }
            state.builder.addHiddenNodes(state.hidden.slice(state.hiddenPosition));
            value.$cstNode!.astNode = value;
            return { value: value as unknown as T, lexerErrors: [], lexerReport: lexed.report, parserErrors: [] };
        } catch (error) {
            if (error === NOT_READ) {
                return undefined;
            }
            throw error;
        }
    }
}

/** Builds the reading steps of each grammar element, once. */
class ReaderCompiler {

    private readonly rules = new Map<GrammarAST.ParserRule, RuleStep>();
    private readonly lookahead: GrammarLookahead;
    private readonly tokens: Record<string, TokenType>;
    private readonly services: LangiumCoreServices;

    constructor(services: LangiumCoreServices) {
        this.services = services;
        this.tokens = services.parser.Lexer.definition;
        for (const token of Object.values(this.tokens)) {
            if (token.CATEGORIES?.length) {
                throw new UnsupportedGrammar(`token categories (${token.name}): it matches tokens by type`);
            }
        }
        this.lookahead = new GrammarLookahead(element => this.tokenOf(element));
    }

    compileEntry(): RuleStep {
        const entry = this.services.Grammar.rules.find(rule => GrammarAST.isParserRule(rule) && rule.entry) as GrammarAST.ParserRule;
        return this.rule(entry);
    }

    private tokenOf(element: GrammarAST.AbstractElement): TokenType {
        const name = GrammarAST.isKeyword(element) ? element.value
            : GrammarAST.isRuleCall(element) ? element.rule.ref?.name
            : GrammarAST.isCrossReference(element) ? this.referenceTerminal(element).rule.ref?.name
            : undefined;
        const token = name === undefined ? undefined : this.tokens[name];
        if (!token) {
            throw new UnsupportedGrammar(`a token for the ${element.$type}`, element);
        }
        return token;
    }

    private referenceTerminal(reference: GrammarAST.CrossReference): GrammarAST.RuleCall {
        const terminal = reference.terminal ?? GrammarUtils.findNameAssignment(reference.type.ref!)?.terminal;
        if (!GrammarAST.isRuleCall(terminal) || !GrammarAST.isTerminalRule(terminal.rule.ref)) {
            throw new UnsupportedGrammar('a cross-reference that is not written as a terminal', reference);
        }
        return terminal;
    }

    /** A parser rule's step: the node it builds, or a datatype rule's converted text. */
    private rule(rule: GrammarAST.ParserRule): RuleStep {
        const known = this.rules.get(rule);
        if (known) {
            return known;
        }
        if (rule.fragment || rule.parameters.length > 0) {
            throw new UnsupportedGrammar(`the rule ${rule.name} (a fragment, or with parameters)`, rule.definition);
        }
        const datatype = GrammarUtils.isDataTypeRule(rule);
        const type = GrammarUtils.getTypeName(rule);
        const defaults = datatype ? [] : Object.values(this.services.shared.AstReflection.getTypeMetaData(type).properties)
            .filter(property => property.defaultValue !== undefined);
        const converter = this.services.parser.ValueConverter;
        let body: Step = () => { throw new Error(`rule ${rule.name} used before it was compiled`); };
        const step: RuleStep = state => {
            const node = (datatype ? { $type: DATATYPE, value: '' } : { $type: type }) as Building;
            state.building.push(node);
            body(state);
            state.building.pop();
            state.builder.construct(node);
            if (datatype) {
                return converter.convert(node.value as string, node.$cstNode);
            }
            // As AstUtils.assignMandatoryProperties does, without looking the type up again for each node.
            for (const { name, defaultValue } of defaults) {
                if (node[name] === undefined) {
                    node[name] = Array.isArray(defaultValue) ? [...defaultValue] : defaultValue;
                }
            }
            return node;
        };
        this.rules.set(rule, step);
        body = this.element(rule.definition);
        return step;
    }

    /** The step of an element with its cardinality (?, *, +). */
    private element(element: GrammarAST.AbstractElement, ignoreCardinality = false): Step {
        const once = this.elementOnce(element);
        const cardinality = ignoreCardinality ? undefined : element.cardinality;
        if (!cardinality) {
            return once;
        }
        const viability = this.lookahead.viability(element);
        if (cardinality === '?') {
            return state => {
                if (viable(state, viability)) {
                    once(state);
                }
            };
        }
        const required = cardinality === '+';
        return state => {
            if (required) {
                once(state);
            }
            while (viable(state, viability)) {
                const before = state.position;
                once(state);
                if (state.position === before) {
                    throw NOT_READ;
                }
            }
        };
    }

    private elementOnce(element: GrammarAST.AbstractElement): Step {
        if (GrammarAST.isKeyword(element) || GrammarAST.isCrossReference(element)
            || (GrammarAST.isRuleCall(element) && GrammarAST.isTerminalRule(element.rule.ref))) {
            return this.consume(element);
        } else if (GrammarAST.isRuleCall(element) && GrammarAST.isParserRule(element.rule.ref)) {
            return this.subrule(element, element.rule.ref);
        } else if (GrammarAST.isAssignment(element)) {
            return this.element(element.terminal);
        } else if (GrammarAST.isAlternatives(element)) {
            return this.alternatives(element);
        } else if (GrammarAST.isGroup(element) && !GrammarAST.isUnorderedGroup(element) && !element.guardCondition) {
            const parts = element.elements.map(part => this.element(part));
            return state => {
                for (const part of parts) {
                    part(state);
                }
            };
        }
        throw new UnsupportedGrammar(`a ${element.$type}`, element);
    }

    private alternatives(element: GrammarAST.Alternatives): Step {
        if (element.elements.length === 1) {
            return this.element(element.elements[0]);
        }
        const choices = element.elements.map(alternative => ({
            viability: this.lookahead.viability(alternative),
            step: this.element(alternative)
        }));
        // ALL(*) may choose otherwise where two alternatives start alike; the reader only takes decisions
        // that two tokens settle.
        if (choices.some(({ viability }, i) => choices.slice(i + 1).some(later => overlap(viability, later.viability)))) {
            throw new UnsupportedGrammar('alternatives that two tokens do not tell apart', element);
        }
        // The choices each first token may start, so that a decision looks at one or two of them, not all.
        const byFirstToken = new Map<TokenType, typeof choices>();
        for (const choice of choices) {
            for (const first of choice.viability.keys()) {
                byFirstToken.set(first, [...byFirstToken.get(first) ?? [], choice]);
            }
        }
        return state => {
            const first = state.tokens[state.position];
            for (const { viability, step } of (first && byFirstToken.get(first.tokenType)) ?? []) {
                if (viable(state, viability)) {
                    return step(state);
                }
            }
            throw NOT_READ;
        };
    }

    /** A token: into the CST after the hidden tokens (comments) before it, then assigned (LangiumParser.consume). */
    private consume(element: GrammarAST.Keyword | GrammarAST.CrossReference | GrammarAST.RuleCall): Step {
        const token = this.tokenOf(element);
        const target = targetOf(element);
        const keyword = GrammarAST.isKeyword(element);
        const converter = this.services.parser.ValueConverter;
        const assign = target && this.assignment(target);
        return state => {
            const read = state.tokens[state.position];
            if (read === undefined || read.tokenType !== token) {
                throw NOT_READ;
            }
            state.position++;
            addHiddenBefore(state, read.startOffset);
            const leaf = state.builder.buildLeafNode(read, element);
            if (assign) {
                assign(state, keyword ? read.image : converter.convert(read.image, leaf), leaf);
            } else {
                const building = state.building[state.building.length - 1];
                if (building.$type === DATATYPE) {
                    building.value += keyword ? read.image : String(converter.convert(read.image, leaf));
                }
            }
        };
    }

    /** A parser rule called from another: its composite CST node, then its result assigned (LangiumParser.subrule). */
    private subrule(call: GrammarAST.RuleCall, rule: GrammarAST.ParserRule): Step {
        const target = targetOf(call);
        const assign = target && this.assignment(target);
        const datatype = GrammarUtils.isDataTypeRule(rule);
        if (!assign && !datatype) {
            throw new UnsupportedGrammar(`the unassigned call of ${rule.name}`, call);
        }
        let read: RuleStep | undefined;
        return state => {
            read ??= this.rule(rule);
            const composite = state.builder.buildCompositeNode(call);
            const result = read(state);
            if (composite.length > 0) {
                if (assign) {
                    assign(state, result, composite);
                } else {
                    const building = state.building[state.building.length - 1];
                    if (building.$type === DATATYPE) {
                        building.value += String(result);
                    }
                }
            }
        };
    }

    /**
     * Stores a value in the node being built (LangiumParser.assign), and links an assigned node to its
     * container there and then, as AstUtils.linkContentToContainer would after the whole parse.
     */
    private assignment({ feature, operator, reference }: Target): (state: ReadState, value: unknown, cst: CstNode) => void {
        const linker = this.services.references.Linker;
        return (state, value, cst) => {
            const node = state.building[state.building.length - 1] as unknown as Linked;
            const item = reference === 'single' && typeof value === 'string' ? linker.buildReference(node, feature, cst, value)
                : reference === 'multi' && typeof value === 'string' ? linker.buildMultiReference(node, feature, cst, value)
                : value;
            const child = isAstNode(item) ? item as Linked : undefined;
            if (child?.$cstNode) {
                child.$cstNode.astNode = child;
            }
            if (operator === '=') {
                const replaced = node[feature];
                if (isAstNode(replaced)) {
                    unlink(replaced);
                }
                node[feature] = item;
                if (child) {
                    child.$container = node;
                    child.$containerProperty = feature;
                }
            } else if (operator === '?=') {
                node[feature] = true;
            } else {
                const items = Array.isArray(node[feature]) ? node[feature] as unknown[] : (node[feature] = []) as unknown[];
                if (child) {
                    child.$container = node;
                    child.$containerProperty = feature;
                    child.$containerIndex = items.length;
                }
                items.push(item);
            }
        };
    }
}

/** The assignment an element belongs to, as LangiumParser.getAssignment finds it. */
function targetOf(element: GrammarAST.AbstractElement): Target | undefined {
    const assignment = AstUtils.getContainerOfType(element, GrammarAST.isAssignment);
    if (!assignment) {
        return undefined;
    }
    const reference = GrammarAST.isCrossReference(assignment.terminal) ? (assignment.terminal.isMulti ? 'multi' : 'single') : undefined;
    return { feature: assignment.feature, operator: assignment.operator, reference };
}

function viable(state: ReadState, viability: Viability): boolean {
    const first = state.tokens[state.position];
    const seconds = first && viability.get(first.tokenType);
    if (seconds === undefined) {
        return false;
    } else if (seconds === ANY_NEXT) {
        return true;
    }
    const second = state.tokens[state.position + 1];
    return second !== undefined && seconds.has(second.tokenType);
}

/** The hidden tokens (comments) up to a consumed token go into the CST first (LangiumParser.extractHiddenTokens). */
function addHiddenBefore(state: ReadState, offset: number): void {
    const from = state.hiddenPosition;
    let to = from;
    while (to < state.hidden.length && state.hidden[to].startOffset <= offset) {
        to++;
    }
    if (to > from) {
        state.builder.addHiddenNodes(state.hidden.slice(from, to));
        state.hiddenPosition = to;
    }
}

/**
 * A node replaced by a second `=` assignment of the same feature is left out of the AST; Langium never links
 * it (linkContentToContainer runs after the parse), so neither may the reader.
 */
function unlink(node: AstNode): void {
    const linked = node as Partial<Mutable<Pick<AstNode, '$container' | '$containerProperty' | '$containerIndex'>>>;
    delete linked.$container;
    delete linked.$containerProperty;
    delete linked.$containerIndex;
    for (const [name, value] of Object.entries(node)) {
        if (!name.startsWith('$')) {
            for (const item of Array.isArray(value) ? value : [value]) {
                if (isAstNode(item)) {
                    unlink(item);
                }
            }
        }
    }
}

/**
 * The grammar reader, or Langium's parser should the grammar come to use a construct the reader does not read
 * (test/language/grammar-reader.test.ts fails then, so it is not left that way).
 */
export function documentParser(services: LangiumCoreServices): LangiumParser {
    try {
        // Langium calls only `parse` on this service (the DocumentParser type says which).
        return new GrammarReader(services) as unknown as LangiumParser;
    } catch (error) {
        if (error instanceof UnsupportedGrammar) {
            return createLangiumParser(services);
        }
        throw error;
    }
}
