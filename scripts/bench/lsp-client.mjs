// A minimal LSP client over stdio for the benchmark: Content-Length framing, requests with promises,
// notifications as events, and the server's own requests (configuration, progress, registration) answered
// as a plain editor would answer them. No dependency, so it measures the server and nothing else.
import { spawn } from 'node:child_process';
import { EventEmitter } from 'node:events';
import * as fs from 'node:fs';

export class LspClient extends EventEmitter {

    /** Starts `command args` with stdio pipes; the server's stderr is kept for error messages. */
    constructor(command, args, options = {}) {
        super();
        this.process = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'], ...options });
        this.pending = new Map();
        this.nextId = 1;
        this.buffer = Buffer.alloc(0);
        this.stderr = '';
        this.process.stdout.on('data', chunk => this.receive(chunk));
        this.process.stderr.on('data', chunk => { this.stderr += chunk; });
        this.process.on('exit', (code, signal) => {
            for (const { reject } of this.pending.values()) {
                reject(new Error(`language server exited (code ${code}, signal ${signal}): ${this.stderr.slice(-2000)}`));
            }
            this.pending.clear();
            this.emit('exit', code);
        });
    }

    get pid() {
        return this.process.pid;
    }

    request(method, params) {
        const id = this.nextId++;
        this.send({ jsonrpc: '2.0', id, method, params });
        return new Promise((resolve, reject) => this.pending.set(id, { resolve, reject, method }));
    }

    notify(method, params) {
        this.send({ jsonrpc: '2.0', method, params });
    }

    /** Resolves with the params of the first `method` notification that `accept` accepts. */
    waitFor(method, accept = () => true, timeoutMs = 600_000) {
        return new Promise((resolve, reject) => {
            const timer = setTimeout(() => {
                this.off(method, listener);
                reject(new Error(`no ${method} within ${timeoutMs} ms`));
            }, timeoutMs);
            const listener = params => {
                if (accept(params)) {
                    clearTimeout(timer);
                    this.off(method, listener);
                    resolve(params);
                }
            };
            this.on(method, listener);
        });
    }

    /** Peak resident memory of the server process (VmHWM), in MiB. */
    peakMemoryMiB() {
        return this.memoryMiB('VmHWM');
    }

    /** Resident memory of the server process now (VmRSS), in MiB. */
    residentMemoryMiB() {
        return this.memoryMiB('VmRSS');
    }

    memoryMiB(field) {
        const status = fs.readFileSync(`/proc/${this.pid}/status`, 'utf8');
        const kilobytes = Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]);
        return kilobytes / 1024;
    }

    async shutdown() {
        try {
            await Promise.race([this.request('shutdown', null), new Promise(resolve => setTimeout(resolve, 5000))]);
            this.notify('exit', null);
        } catch {
            // already gone
        }
        await new Promise(resolve => {
            if (this.process.exitCode !== null || this.process.signalCode !== null) {
                resolve();
                return;
            }
            const timer = setTimeout(() => { this.process.kill(); resolve(); }, 5000);
            this.process.once('exit', () => { clearTimeout(timer); resolve(); });
        });
    }

    send(message) {
        const body = Buffer.from(JSON.stringify(message), 'utf8');
        this.process.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
        this.process.stdin.write(body);
    }

    receive(chunk) {
        this.buffer = Buffer.concat([this.buffer, chunk]);
        for (;;) {
            const headerEnd = this.buffer.indexOf('\r\n\r\n');
            if (headerEnd < 0) {
                return;
            }
            const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, headerEnd).toString('ascii'))?.[1]);
            if (this.buffer.length < headerEnd + 4 + length) {
                return;
            }
            const body = this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8');
            this.buffer = this.buffer.subarray(headerEnd + 4 + length);
            this.dispatch(JSON.parse(body));
        }
    }

    dispatch(message) {
        if (message.id !== undefined && message.method === undefined) {
            const pending = this.pending.get(message.id);
            this.pending.delete(message.id);
            if (message.error) {
                pending?.reject(new Error(`${pending.method}: ${message.error.message}`));
            } else {
                pending?.resolve(message.result);
            }
        } else if (message.id !== undefined) {
            this.answerServerRequest(message);
        } else {
            this.emit(message.method, message.params);
        }
    }

    /** What an editor with default settings answers: no configuration values, progress and registrations accepted. */
    answerServerRequest(message) {
        const result = message.method === 'workspace/configuration'
            ? (message.params?.items ?? []).map(() => null)
            : null;
        this.send({ jsonrpc: '2.0', id: message.id, result });
    }
}
