/**
 * A log that writes its lines once per turn of the event loop instead of once per line: under load one
 * write carries the lines of every request answered in that turn, and the access log stops costing a
 * system call per request.
 */
export function createBatchedLog(write: (text: string) => void): (line: string) => void {
  let pending: string[] = [];
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    const lines = pending;
    pending = [];
    write(`${lines.join('\n')}\n`);
  };
  return (line) => {
    pending.push(line);
    if (!scheduled) {
      scheduled = true;
      setImmediate(flush);
    }
  };
}
