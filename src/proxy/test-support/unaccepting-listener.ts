/**
 * A loopback port where connecting hangs, for the connect time-out, with no network needed: a listening
 * socket with a backlog of 1 whose owner never accepts (a worker thread that listens and then blocks),
 * and whose accept queue is then filled. Linux drops further SYNs to a full queue, so a new connection
 * stays in `connecting` until the client gives up, exactly as with a host that does not answer.
 */
import { connect, type Socket } from 'node:net';
import { Worker } from 'node:worker_threads';

export interface UnacceptingListener {
  readonly port: number;
  close(): Promise<void>;
}

const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const server = require('node:net').createServer();
server.listen({ port: 0, host: '127.0.0.1', backlog: 1 }, () => {
  parentPort.postMessage(server.address().port);
  // Blocks this thread's event loop, so nothing is ever accepted, until the test wakes it.
  Atomics.wait(workerData, 0, 0);
  server.close();
  parentPort.close();
});
`;

/** Far more than a backlog of 1 lets the kernel queue (2 on Linux), so the queue is full whatever the timing. */
const FILLERS = 8;
const SETTLE_MS = 300;

export async function startUnacceptingListener(): Promise<UnacceptingListener> {
  const wake = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(WORKER, { eval: true, workerData: wake });
  const port = await new Promise<number>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  const fillers: Socket[] = [];
  const close = async () => {
    for (const socket of fillers) socket.destroy();
    Atomics.store(wake, 0, 1);
    Atomics.notify(wake, 0);
    await new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  };
  for (let i = 0; i < FILLERS; i++) {
    const socket = connect(port, '127.0.0.1');
    socket.on('error', () => undefined);
    fillers.push(socket);
  }
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  // Some connections were queued; the rest must still hang, or the queue is not full.
  if (!fillers.some((socket) => socket.connecting)) {
    await close();
    throw new Error(`the accept queue of port ${port} did not fill up`);
  }
  return { port, close };
}
