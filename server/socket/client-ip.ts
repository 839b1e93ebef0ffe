import type { Socket } from 'socket.io';

/** A socket's client address: behind a trusted proxy the first X-Forwarded-For hop, else the peer address. */
export function socketClientIp(trustProxy: string | undefined): (socket: Socket) => string {
  return (socket) =>
    (trustProxy
      ? String(socket.handshake.headers['x-forwarded-for'] ?? '')
          .split(',')[0]
          ?.trim()
      : '') || socket.handshake.address;
}
