/**
 * Two-token lookahead for the grammar reader (grammar-reader.ts), computed from the grammar: for each
 * element, the token sequences (up to two tokens) that it can start with. A sequence of one token means the
 * element can end after that token, whatever follows.
 */
import type { TokenType } from 'chevrotain';
import { GrammarAST } from 'langium';
import { UnsupportedGrammar } from './unsupported-grammar.js';

type Sequence = readonly TokenType[];

/** The sequences of up to two tokens an element starts with, keyed by their token types. */
type Sequences = ReadonlyMap<string, Sequence>;

/** Which token pairs start an element: for each first token, either any second token or the set of them. */
export type Viability = ReadonlyMap<TokenType, typeof ANY_NEXT | ReadonlySet<TokenType>>;
export const ANY_NEXT = 'any';

/** Whether some token pair starts both. */
export function overlap(one: Viability, other: Viability): boolean {
    for (const [first, seconds] of one) {
        const others = other.get(first);
        if (others !== undefined && (seconds === ANY_NEXT || others === ANY_NEXT || [...seconds].some(second => others.has(second)))) {
            return true;
        }
    }
    return false;
}

export class GrammarLookahead {

    private readonly ruleSequences = new Map<GrammarAST.ParserRule, Sequences | 'computing'>();
    /** Each element is asked about by its loop, its alternatives and the groups around it: computed once. */
    private readonly ownSequencesOf = new Map<GrammarAST.AbstractElement, Sequences>();

    constructor(private readonly tokenOf: (element: GrammarAST.AbstractElement) => TokenType) {}

    /** The token pairs that may start `element` (its own cardinality aside), for deciding whether to enter it. */
    viability(element: GrammarAST.AbstractElement): Viability {
        const viability = new Map<TokenType, typeof ANY_NEXT | Set<TokenType>>();
        for (const [first, second] of this.sequences(element, false).values()) {
            if (first === undefined) {
                throw new UnsupportedGrammar('an alternative or repeated element that may match nothing', element);
            }
            const seconds = viability.get(first);
            if (second === undefined) {
                viability.set(first, ANY_NEXT);
            } else if (seconds === undefined) {
                viability.set(first, new Set([second]));
            } else if (seconds !== ANY_NEXT) {
                seconds.add(second);
            }
        }
        return viability;
    }

    private sequences(element: GrammarAST.AbstractElement, withCardinality = true): Sequences {
        let own = this.ownSequencesOf.get(element);
        if (!own) {
            own = this.ownSequences(element);
            this.ownSequencesOf.set(element, own);
        }
        switch (withCardinality ? element.cardinality : undefined) {
            case '?': return union(own, EMPTY);
            case '*': return union(EMPTY, own, concat(own, own));
            case '+': return union(own, concat(own, own));
            default: return own;
        }
    }

    private ownSequences(element: GrammarAST.AbstractElement): Sequences {
        if (GrammarAST.isKeyword(element) || GrammarAST.isCrossReference(element)
            || (GrammarAST.isRuleCall(element) && GrammarAST.isTerminalRule(element.rule.ref))) {
            return single([this.tokenOf(element)]);
        } else if (GrammarAST.isRuleCall(element) && GrammarAST.isParserRule(element.rule.ref)) {
            return this.sequencesOfRule(element.rule.ref);
        } else if (GrammarAST.isAssignment(element)) {
            return this.sequences(element.terminal);
        } else if (GrammarAST.isAlternatives(element)) {
            return union(...element.elements.map(alternative => this.sequences(alternative)));
        } else if (GrammarAST.isGroup(element) && !GrammarAST.isUnorderedGroup(element)) {
            return element.elements.reduce((sequences, part) => concat(sequences, this.sequences(part)), EMPTY);
        }
        throw new UnsupportedGrammar(`a ${element.$type}`, element);
    }

    private sequencesOfRule(rule: GrammarAST.ParserRule): Sequences {
        const known = this.ruleSequences.get(rule);
        if (known === 'computing') {
            throw new UnsupportedGrammar(`the recursive rule ${rule.name}`, rule.definition);
        } else if (known) {
            return known;
        }
        this.ruleSequences.set(rule, 'computing');
        const sequences = this.sequences(rule.definition);
        this.ruleSequences.set(rule, sequences);
        return sequences;
    }
}

const keyOf = (sequence: Sequence) => sequence.map(token => token.name).join('\u0000');
const single = (sequence: Sequence): Sequences => new Map([[keyOf(sequence), sequence]]);
const EMPTY = single([]);

function union(...all: Sequences[]): Sequences {
    return new Map(all.flatMap(sequences => [...sequences]));
}

/** Every sequence of `heads` followed by every sequence of `tails`, cut to two tokens. */
function concat(heads: Sequences, tails: Sequences): Sequences {
    const joined = new Map<string, Sequence>();
    for (const head of heads.values()) {
        for (const tail of head.length < 2 ? tails.values() : [[]]) {
            const sequence = [...head, ...tail].slice(0, 2);
            joined.set(keyOf(sequence), sequence);
        }
    }
    return joined;
}
