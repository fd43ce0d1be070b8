import { rulesMarkdown, rulesText } from '../language/validation/rules-doc.js';

/** `perf rules [--markdown]`: every validation rule with its code and default level (docs/rules.md with --markdown). */
export function rulesCommand(options: { markdown?: boolean }): number {
    process.stdout.write(options.markdown ? rulesMarkdown() : rulesText());
    return 0;
}
