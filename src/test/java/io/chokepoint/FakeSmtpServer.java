package io.chokepoint;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * A minimal SMTP server on a loopback socket, for what GreenMail cannot do on demand: answer RCPT TO with a
 * chosen reply (a 550, a 451), or greet with a 421. It speaks just enough SMTP for Jakarta Mail: EHLO, MAIL, RCPT, DATA, RSET, NOOP,
 * QUIT, one connection at a time. Shared by the delivery tests and the job's mail tests.
 */
public final class FakeSmtpServer implements AutoCloseable {

    /** A message the server accepted. */
    public record Received(List<String> recipients, String data) {
    }

    private final ServerSocket socket;
    private final Function<String, String> rcptReply;
    private final IntFunction<String> greeting;
    private final AtomicInteger connections = new AtomicInteger();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Thread thread;

    /** {@code rcptReply} maps a recipient address to the reply for its RCPT TO, or to null for "250 OK". */
    public FakeSmtpServer(Function<String, String> rcptReply) throws IOException {
        this(rcptReply, connection -> "220 fake.test ESMTP");
    }

    /** {@code greeting} maps the connection's number (from 1) to the server's first line; only 220 goes on. */
    public FakeSmtpServer(Function<String, String> rcptReply, IntFunction<String> greeting) throws IOException {
        this.socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        this.rcptReply = rcptReply;
        this.greeting = greeting;
        this.thread = new Thread(this::serve, "fake-smtp");
        thread.setDaemon(true);
        thread.start();
    }

    public String host() {
        return socket.getInetAddress().getHostAddress();
    }

    public int port() {
        return socket.getLocalPort();
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket connection = socket.accept()) {
                connection.setSoTimeout(10_000);
                converse(connection);
            } catch (IOException e) {
                // closed by close(), or a client that went away: wait for the next connection
            }
        }
    }

    private void converse(Socket connection) throws IOException {
        BufferedReader in = new BufferedReader(
                new InputStreamReader(connection.getInputStream(), StandardCharsets.ISO_8859_1));
        Writer out = new OutputStreamWriter(connection.getOutputStream(), StandardCharsets.ISO_8859_1);
        String hello = greeting.apply(connections.incrementAndGet());
        reply(out, hello);
        if (!hello.startsWith("220")) {
            return;
        }
        List<String> recipients = new ArrayList<>();
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            String command = line.toUpperCase(Locale.ROOT);
            if (command.startsWith("EHLO") || command.startsWith("HELO")) {
                reply(out, "250 fake.test");
            } else if (command.startsWith("MAIL FROM:")) {
                recipients.clear();
                reply(out, "250 2.1.0 OK");
            } else if (command.startsWith("RCPT TO:")) {
                String address = line.substring(line.indexOf('<') + 1, line.indexOf('>'));
                String answer = rcptReply.apply(address);
                if (answer == null) {
                    recipients.add(address);
                    reply(out, "250 2.1.5 OK");
                } else {
                    reply(out, answer);
                }
            } else if (command.equals("DATA")) {
                if (recipients.isEmpty()) {
                    reply(out, "503 5.5.1 no valid recipients");
                    continue;
                }
                reply(out, "354 end with <CRLF>.<CRLF>");
                StringBuilder data = new StringBuilder();
                for (String dataLine = in.readLine(); dataLine != null && !dataLine.equals("."); dataLine = in.readLine()) {
                    data.append(dataLine.startsWith("..") ? dataLine.substring(1) : dataLine).append("\r\n");
                }
                received.add(new Received(List.copyOf(recipients), data.toString()));
                reply(out, "250 2.0.0 queued as fake-" + received.size());
            } else if (command.equals("RSET")) {
                recipients.clear();
                reply(out, "250 2.0.0 OK");
            } else if (command.equals("NOOP")) {
                reply(out, "250 2.0.0 OK");
            } else if (command.equals("QUIT")) {
                reply(out, "221 2.0.0 bye");
                return;
            } else {
                reply(out, "502 5.5.2 not implemented");
            }
        }
    }

    private static void reply(Writer out, String line) throws IOException {
        out.write(line + "\r\n");
        out.flush();
    }

    @Override
    public void close() throws IOException, InterruptedException {
        socket.close();
        thread.join(5_000);
    }
}
