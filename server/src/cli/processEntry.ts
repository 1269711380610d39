// The `safe-migrations` process (bin/safe-migrations.js loads the bundle of this file, dist/cli.js):
// runCli on the real stdout/stderr. A reader that goes away (`safe-migrations rules | head -1`, a
// closed terminal) ends the output quietly: further writes are dropped and the exit code stays the
// command's own, with no EPIPE stack.
import { runCli } from './main';

/** Error codes that mean "nobody reads this stream any more". */
const CLOSED_OUTPUT = new Set(['EPIPE', 'ERR_STREAM_DESTROYED', 'ERR_STREAM_WRITE_AFTER_END', 'EBADF', 'ECONNRESET']);

function writer(stream: NodeJS.WriteStream): (s: string) => void {
  let open = true;
  const closed = (e: unknown): boolean => CLOSED_OUTPUT.has(String((e as NodeJS.ErrnoException)?.code));
  stream.on('error', (e) => {
    if (!closed(e)) throw e;
    open = false;
  });
  return (s) => {
    if (!open || stream.destroyed) return;
    try { stream.write(s); } catch (e) {
      if (!closed(e)) throw e;
      open = false;
    }
  };
}

export function main(): void {
  runCli(process.argv.slice(2), {
    stdout: writer(process.stdout),
    stderr: writer(process.stderr),
    cwd: process.cwd(),
    isTTY: Boolean(process.stderr.isTTY),
  }).then((code) => { process.exitCode = code; });
}
