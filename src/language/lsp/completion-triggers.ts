/**
 * Completion without Ctrl+Space: the characters after which the editor asks by itself, and which of the
 * provider's items are worth popping up unasked. A typed character should offer what it starts (a name after
 * `"` or after the space behind a code, a layout after 表式, a code or a unit after a digit, a comparator after
 * 指标值 ), never the keyword list at every space.
 */
import { CompletionItemKind, type CompletionItem } from 'vscode-languageserver';

const DIGITS = [...'0123456789'];

export const COMPLETION_TRIGGER_CHARACTERS = ['"', ' ', ...DIGITS];

/** Whether an item is offered when the editor asked because `character` was typed (`lineBefore` ends with it). */
export function offeredOnTrigger(item: CompletionItem, character: string, lineBefore: string): boolean {
    // Names, layouts after 表式, units after 计量单位: what a quote or a space after a word starts.
    const quotedValue = item.kind === CompletionItemKind.Value || (item.textEdit?.newText ?? '').startsWith('"');
    if (character === '"') {
        return quotedValue;
    }
    if (character === ' ') {
        // Spaces of indentation or between words of a goal ask for nothing.
        const afterWord = /\S $/.test(lineBefore);
        return afterWord && (quotedValue || item.kind === CompletionItemKind.Operator);
    }
    if (DIGITS.includes(character)) {
        const code = item.kind === CompletionItemKind.EnumMember || item.kind === CompletionItemKind.Module
            || (item.kind === CompletionItemKind.Snippet && /^\d/.test(item.filterText ?? ''));
        return (code && !quotedValue) || item.kind === CompletionItemKind.Unit;
    }
    return true;
}
