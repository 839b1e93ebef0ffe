import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Starts a test server on an ephemeral loopback port: its base URL (with `path`) and a close that drops keep-alives. */
export async function listenLocal(
  server: Server,
  path = '/v1',
): Promise<{ url: string; close(): Promise<void> }> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${path}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
