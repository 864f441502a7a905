import type { Server } from "node:http";
import type { AddressInfo } from "node:net";

/** A server of the local stack, started in-process (tests) or as a child of the launcher. */
export interface RunningService {
  name: string;
  url: string;
  port: number;
  close(): Promise<void>;
}

export class PortInUseError extends Error {
  constructor(
    readonly service: string,
    readonly port: number,
  ) {
    super(`${service}: port ${port} is already in use. Stop whatever holds it or choose another port (see README, "Ports").`);
    this.name = "PortInUseError";
  }
}

/** Listens on host:port (0 = any free port) and turns EADDRINUSE into an error that names the port. */
export function listen(server: Server, name: string, port: number, host = "127.0.0.1"): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      reject(error.code === "EADDRINUSE" ? new PortInUseError(name, port) : error);
    };
    server.once("error", onError);
    server.listen(port, host, () => {
      server.off("error", onError);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/** Closes a server without waiting for idle keep-alive connections to time out. */
export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeAllConnections();
  });
}
