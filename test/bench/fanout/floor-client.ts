// A plain socket.io client for the fan-out bench's floor: connected the way a player connects
// (WebSocket only, its own connection), it answers each 'ping' with a 'pong' and does nothing else.

import { io, type Socket } from 'socket.io-client';
import { PLAYER_NAMESPACE } from '../../../shared/protocol/version.ts';

export interface FloorEvents {
  ping: (round: number) => void;
  pong: (round: number) => void;
}

export type FloorClientSocket = Socket<FloorEvents, FloorEvents>;

/** Resolves once connected; rejects on the first connection error (the floor server never refuses). */
export function connectFloorClient(url: string): Promise<FloorClientSocket> {
  const socket: FloorClientSocket = io(`${url}${PLAYER_NAMESPACE}`, { reconnection: false, forceNew: true, transports: ['websocket'], timeout: 20_000 });
  socket.on('ping', (round) => void socket.emit('pong', round));
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error) => {
      socket.close();
      reject(error);
    });
  });
}
