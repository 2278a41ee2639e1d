package org.huzhu.notifications.sms;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.jsmpp.session.connection.Connection;
import org.jsmpp.session.connection.ConnectionFactory;
import org.jsmpp.session.connection.ServerConnection;
import org.jsmpp.session.connection.ServerConnectionFactory;
import org.jsmpp.session.connection.socket.SocketConnection;

/**
 * Sockets for SMPP with Nagle's algorithm off: a submit_sm and its answer are small PDUs that must
 * leave at once, or a window of requests in flight stalls on delayed acknowledgements.
 */
final class SmppSockets {

    private SmppSockets() {
    }

    static ConnectionFactory client(int connectTimeoutMillis) {
        return (host, port) -> {
            Socket socket = new Socket();
            try {
                socket.setTcpNoDelay(true);
                socket.setKeepAlive(true);
                socket.connect(new InetSocketAddress(host, port), connectTimeoutMillis);
                return new SocketConnection(socket);
            } catch (IOException e) {
                socket.close();
                throw e;
            }
        };
    }

    /** Listens on 127.0.0.1 only; {@link #port()} tells the port once {@code listen} ran (0 picks a free one). */
    static final class Loopback implements ServerConnectionFactory {

        private volatile ServerSocket serverSocket;

        int port() {
            return serverSocket == null ? -1 : serverSocket.getLocalPort();
        }

        @Override
        public ServerConnection listen(int port) throws IOException {
            return listen(port, 0, 128);
        }

        @Override
        public ServerConnection listen(int port, int timeout) throws IOException {
            return listen(port, timeout, 128);
        }

        @Override
        public ServerConnection listen(int port, int timeout, int backlog) throws IOException {
            ServerSocket server = new ServerSocket(port, backlog, InetAddress.getLoopbackAddress());
            server.setSoTimeout(timeout);
            serverSocket = server;
            return new ServerConnection() {
                @Override
                public Connection accept() throws IOException {
                    Socket socket = server.accept();
                    socket.setTcpNoDelay(true);
                    return new SocketConnection(socket);
                }

                @Override
                public void setSoTimeout(int millis) throws IOException {
                    server.setSoTimeout(millis);
                }

                @Override
                public int getSoTimeout() throws IOException {
                    return server.getSoTimeout();
                }

                @Override
                public void close() throws IOException {
                    server.close();
                }
            };
        }
    }
}
