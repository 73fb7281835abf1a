// Counts the bytes a socket.io-client connection sends and receives, as WebSocket frames on the
// wire (frame header + engine.io packet), across reconnects.

import type { Manager } from 'socket.io-client';

interface EnginePacket {
  type: string;
  data?: unknown;
}

function payloadBytes(data: unknown): number {
  if (data === undefined || data === null) return 0;
  if (typeof data === 'string') return Buffer.byteLength(data);
  if (data instanceof ArrayBuffer) return data.byteLength;
  if (ArrayBuffer.isView(data)) return data.byteLength;
  return Buffer.byteLength(String(data));
}

/**
 * RFC 6455 §5.2: 2 header bytes up to 125 payload bytes, 4 up to 65,535, 10 beyond; frames from a
 * client carry a 4-byte mask. engine.io 4 writes a text packet as its type digit and the data, and
 * the controller does not enable permessage-deflate, so this is what crosses the TCP connection
 * (TCP/IP headers aside).
 */
export function webSocketFrameBytes(packet: EnginePacket, fromClient: boolean): number {
  const binary = packet.type === 'message' && typeof packet.data !== 'string' && packet.data !== undefined;
  const payload = payloadBytes(packet.data) + (binary ? 0 : 1);
  const header = payload < 126 ? 2 : payload < 65_536 ? 4 : 10;
  return header + (fromClient ? 4 : 0) + payload;
}

export interface WireMeter {
  down: number;
  up: number;
}

/** Meters every engine the manager opens from now on (one per connection, so reconnects are counted too). */
export function meterManager(manager: Manager): WireMeter {
  const meter: WireMeter = { down: 0, up: 0 };
  manager.on('open', () => {
    const engine = manager.engine;
    engine.on('packet', (packet: EnginePacket) => {
      meter.down += webSocketFrameBytes(packet, false);
    });
    engine.on('packetCreate', (packet: EnginePacket) => {
      meter.up += webSocketFrameBytes(packet, true);
    });
  });
  return meter;
}
