/**
 * A raw LSP client over stdio for `perf lsp --stdio`: it can send well-formed messages and any bytes at all
 * (broken headers, broken JSON), and waits for answers by id with a time limit, so a server that hangs or
 * dies shows up as a clear test failure instead of a stuck test.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as path from 'node:path';
import { repoRoot } from '../helpers.js';

export interface JsonRpcResponse {
    id: number | string | null;
    result?: unknown;
    error?: { code: number; message: string };
}

export class RawLspClient {
    private readonly server: ChildProcessWithoutNullStreams;
    private buffer = Buffer.alloc(0);
    private nextId = 1;
    private readonly waiting = new Map<number | string, (response: JsonRpcResponse) => void>();
    readonly notifications: { method: string; params: unknown }[] = [];
    stderr = '';
    exitCode: number | null | undefined;

    constructor() {
        this.server = spawn(process.execPath, [path.join(repoRoot, 'bin', 'perf.js'), 'lsp', '--stdio'], { cwd: repoRoot });
        this.server.stdout.on('data', (chunk: Buffer) => this.receive(chunk));
        this.server.stderr.on('data', (chunk: Buffer) => { this.stderr += chunk.toString('utf8'); });
        this.server.on('exit', code => { this.exitCode = code; });
    }

    get alive(): boolean {
        return this.exitCode === undefined;
    }

    /** Sends a request and resolves with its response, or rejects after `timeoutMs`. */
    request(method: string, params: unknown, timeoutMs = 60_000): Promise<JsonRpcResponse> {
        const id = this.nextId++;
        const answered = new Promise<JsonRpcResponse>((resolve, reject) => {
            const timer = setTimeout(() => {
                this.waiting.delete(id);
                reject(new Error(`no answer to ${method} within ${timeoutMs} ms (server ${this.alive ? 'alive' : `exited with ${this.exitCode}`}); stderr: ${this.stderr.slice(-2000)}`));
            }, timeoutMs);
            this.waiting.set(id, response => { clearTimeout(timer); resolve(response); });
        });
        this.sendMessage({ jsonrpc: '2.0', id, method, params });
        return answered;
    }

    /** Resolves with the first notification (received before or after the call) that `matches`. */
    async notification(matches: (method: string, params: unknown) => boolean, timeoutMs = 60_000): Promise<unknown> {
        const deadline = Date.now() + timeoutMs;
        while (Date.now() < deadline) {
            const found = this.notifications.find(({ method, params }) => matches(method, params));
            if (found) { return found.params; }
            await new Promise(resolve => setTimeout(resolve, 50));
        }
        throw new Error(`no matching notification within ${timeoutMs} ms (server ${this.alive ? 'alive' : 'exited'})`);
    }

    notify(method: string, params: unknown): void {
        this.sendMessage({ jsonrpc: '2.0', method, params });
    }

    sendMessage(message: unknown): void {
        this.sendBody(Buffer.from(JSON.stringify(message), 'utf8'));
    }

    /** A correctly framed body, whatever it contains. */
    sendBody(body: Buffer): void {
        this.sendRaw(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]));
    }

    /** Any bytes at all, framing included. */
    sendRaw(bytes: Buffer): void {
        this.server.stdin.write(bytes);
    }

    async stop(): Promise<number | null> {
        if (this.alive) {
            await this.request('shutdown', null, 10_000).catch(() => undefined);
            this.notify('exit', null);
            await new Promise(resolve => setTimeout(resolve, 500));
        }
        if (this.alive) {
            this.server.kill();
        }
        return this.exitCode ?? null;
    }

    private receive(chunk: Buffer): void {
        this.buffer = Buffer.concat([this.buffer, chunk]);
        for (;;) {
            const headerEnd = this.buffer.indexOf('\r\n\r\n');
            if (headerEnd < 0) { return; }
            const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, headerEnd).toString('ascii'))?.[1]);
            if (this.buffer.length < headerEnd + 4 + length) { return; }
            const message = JSON.parse(this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8'));
            this.buffer = this.buffer.subarray(headerEnd + 4 + length);
            this.dispatch(message);
        }
    }

    private dispatch(message: { id?: number | string; method?: string; params?: unknown } & JsonRpcResponse): void {
        if (message.method !== undefined && message.id !== undefined) {
            // A request from the server (configuration, registration): answer so it never waits on us.
            this.sendMessage({ jsonrpc: '2.0', id: message.id, result: null });
        } else if (message.method !== undefined) {
            this.notifications.push({ method: message.method, params: message.params });
        } else if (message.id !== undefined && message.id !== null) {
            this.waiting.get(message.id)?.(message);
            this.waiting.delete(message.id);
        }
    }
}
