package io.chokepoint.delivery;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.util.Properties;

import javax.net.SocketFactory;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * Angus's SMTP transport with a timeout of its own for the reply to the final "." of DATA, and a record of
 * whether the message was fully handed over.
 *
 * <p>Angus has one read timeout ({@code mail.smtp.timeout}) for every reply. RFC 5321 asks for 5 minutes per
 * command but 10 for the reply to the end of the message, and once the "." has gone out a timeout no longer means
 * "not sent": the server may be delivering it. So the transport lengthens the socket's read timeout just before it
 * sends the "." (Angus's {@code finishData} sends it through the overridable {@link #sendCommand}) and notes that
 * the body went out; {@link #endOfDataReply()} tells a definite reply from none. The socket is reached through
 * the socket factory that made it ({@link RecordingSocketFactory}): it is the bottom of any TLS layer, and a TLS
 * socket layered on it reads with its timeout. One instance per connection; not thread-safe.
 */
final class TimedSmtpTransport extends SMTPTransport {

    private final RecordingSocketFactory sockets;
    private final SmtpTimeouts timeouts;
    private boolean finishingData;
    private boolean bodySent;
    private boolean endOfDataReplyRead;
    private int endOfDataReply = -1;

    private TimedSmtpTransport(Session session, String protocol, RecordingSocketFactory sockets, SmtpTimeouts timeouts) {
        super(session, new URLName(protocol, null, -1, null, null, null), protocol, "smtps".equals(protocol));
        this.sockets = sockets;
        this.timeouts = timeouts;
    }

    /**
     * A transport for one connection, with its own session: {@code properties} plus the socket factory that lets
     * it reach its socket.
     */
    static TimedSmtpTransport open(Properties properties, String protocol, SmtpTimeouts timeouts) {
        RecordingSocketFactory sockets = new RecordingSocketFactory();
        Properties own = new Properties();
        own.putAll(properties);
        // Only for the plain socket: Angus layers TLS (ssl or STARTTLS) over it with its own SSL factory.
        own.put("mail." + protocol + ".socketFactory", sockets);
        own.put("mail." + protocol + ".socketFactory.fallback", "false");
        return new TimedSmtpTransport(Session.getInstance(own), protocol, sockets, timeouts);
    }

    /** The body and the final "." were written to the server. */
    boolean bodySent() {
        return bodySent;
    }

    /** The reply code read for the final ".", or -1 if none was (a timeout, the connection closed). */
    int endOfDataReply() {
        return endOfDataReply;
    }

    @Override
    protected void finishData() throws IOException, MessagingException {
        finishingData = true;
        try {
            super.finishData();
        } finally {
            finishingData = false;
        }
    }

    @Override
    protected void sendCommand(String command) throws MessagingException {
        boolean endOfData = finishingData && !bodySent && ".".equals(command);
        if (endOfData) {
            readTimeout(timeouts.dataReplyMillis());
        } else if (bodySent) {
            readTimeout(timeouts.commandMillis()); // RSET or QUIT after the reply
        }
        super.sendCommand(command);
        if (endOfData) {
            bodySent = true;
        }
    }

    @Override
    protected int readServerResponse() throws MessagingException {
        boolean awaitingEndOfData = finishingData && bodySent && !endOfDataReplyRead;
        int code = super.readServerResponse();
        if (awaitingEndOfData) {
            endOfDataReplyRead = true;
            endOfDataReply = code;
        }
        return code;
    }

    private void readTimeout(int millis) throws MessagingException {
        Socket socket = sockets.socket();
        if (socket == null) {
            throw new MessagingException("no socket to set the read timeout on");
        }
        try {
            socket.setSoTimeout(millis);
        } catch (SocketException e) {
            throw new MessagingException("cannot set the read timeout", e);
        }
    }

    /** Makes plain, unconnected sockets (Angus connects them) and keeps the last one. */
    static final class RecordingSocketFactory extends SocketFactory {
        private Socket socket;

        synchronized Socket socket() {
            return socket;
        }

        @Override
        public synchronized Socket createSocket() {
            socket = new Socket();
            return socket;
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            throw unsupported();
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            throw unsupported();
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            throw unsupported();
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
                throws IOException {
            throw unsupported();
        }

        // Angus asks only for an unconnected socket, so that it can connect it with the connect timeout.
        private static IOException unsupported() {
            return new IOException("only unconnected sockets are made here");
        }
    }
}
