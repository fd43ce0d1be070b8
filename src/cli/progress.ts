/**
 * What a long command is doing, as one updating line on stderr, only when stderr is a terminal: a pipe, a
 * file or a CI log gets exactly the lines it always got. The line says the step and, after a second, how long
 * it has taken (a PDF of 25,000 indicators prints for half a minute), and is cleared before any other output.
 */
type ProgressStream = Pick<NodeJS.WriteStream, 'write'> & { isTTY?: boolean; columns?: number };

const CLEAR_LINE = '\r\x1b[2K';

export class ProgressLine {

    private text = '';
    private startedAt = 0;
    private timer: NodeJS.Timeout | undefined;

    constructor(private readonly stream: ProgressStream = process.stderr, private readonly now: () => number = Date.now) {}

    /** Shows the step now under way, replacing the previous one. */
    show(text: string): void {
        if (this.stream.isTTY !== true) {
            return;
        }
        this.text = text;
        this.startedAt = this.now();
        this.render();
        if (!this.timer) {
            this.timer = setInterval(() => this.render(), 1000);
            this.timer.unref(); // never keeps the command alive
        }
    }

    /** Removes the line (before other output, and when the work is done). */
    clear(): void {
        if (this.timer) {
            clearInterval(this.timer);
            this.timer = undefined;
        }
        if (this.text) {
            this.stream.write(CLEAR_LINE);
            this.text = '';
        }
    }

    /** Redraws the line with the elapsed seconds; public for the tests' clock. */
    render(): void {
        if (!this.text) {
            return;
        }
        const seconds = Math.floor((this.now() - this.startedAt) / 1000);
        const line = `perf: ${this.text}${seconds >= 1 ? ` (${seconds} s)` : ''}`;
        this.stream.write(CLEAR_LINE + fitWidth(line, (this.stream.columns || 80) - 1));
    }
}

/** Cut to a terminal width, with … when cut; CJK characters take two columns, so the line never wraps. */
function fitWidth(text: string, columns: number): string {
    const characters = [...text];
    const widths = characters.map(character => WIDE.test(character) ? 2 : 1);
    if (widths.reduce((sum, width) => sum + width, 0) <= columns) {
        return text;
    }
    let width = 1; // the …
    let kept = 0;
    while (kept < characters.length && width + widths[kept] <= columns) {
        width += widths[kept++];
    }
    return `${characters.slice(0, kept).join('')}…`;
}

const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;
