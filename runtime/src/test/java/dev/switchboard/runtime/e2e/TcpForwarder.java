package dev.switchboard.runtime.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback TCP forwarder, so a test can make a server "appear" on an address a client already
 * tries to reach: open it on that port once the client is up, pointing at the real server.
 */
final class TcpForwarder implements AutoCloseable {
    private final ServerSocket server;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    TcpForwarder(int port, int targetPort) throws IOException {
        server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(
                () -> {
                    while (!server.isClosed()) {
                        try {
                            Socket client = server.accept();
                            Socket target = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                            sockets.add(client);
                            sockets.add(target);
                            pipe(client, target);
                            pipe(target, client);
                        } catch (IOException e) {
                            return; // closed
                        }
                    }
                },
                "forward-" + port);
        accept.setDaemon(true);
        accept.start();
    }

    private static void pipe(Socket from, Socket to) {
        Thread t = new Thread(
                () -> {
                    try (InputStream in = from.getInputStream();
                            OutputStream out = to.getOutputStream()) {
                        in.transferTo(out);
                    } catch (IOException e) {
                        // one side closed; the other notices on its own
                    }
                },
                "pipe");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : sockets) {
            socket.close();
        }
    }
}
