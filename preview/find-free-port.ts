import { createServer } from 'node:net';

/** The first port from `start` that 127.0.0.1 can listen on, trying at most `tries` ports. */
export async function findFreePort(start: number, tries = 50): Promise<number> {
  for (let port = start; port < start + tries; port++) {
    if (await canListen(port)) return port;
  }
  throw new Error(`No free port on 127.0.0.1 from ${start} to ${start + tries - 1}; set PORT to choose one.`);
}

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}
