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
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * A scripted SMTP server on a loopback socket, for what GreenMail cannot do on demand: answer RCPT TO with a
 * chosen reply (a 550, a 451), greet with a 421 or not at all, answer the end of a message late or never, offer no
 * AUTH or refuse a login. It speaks just enough SMTP for Jakarta Mail: EHLO, AUTH PLAIN and LOGIN, MAIL, RCPT,
 * DATA, RSET, NOOP, QUIT, each connection on its own thread (a connection left hanging does not hold up the next).
 * Shared by the delivery tests and the job's mail tests.
 */
public final class FakeSmtpServer implements AutoCloseable {

    /** A message the server received in full (its final "." arrived), whatever it then answered. */
    public record Received(List<String> recipients, String data, String authenticatedAs) {
    }

    /**
     * The server's answer to a message's final ".": {@code line} after {@code delay} (an empty line: "250 queued"),
     * or, with a null line, none at all (the server keeps the connection open until the client closes it).
     */
    public record EndOfData(Duration delay, String line) {
        public static EndOfData accept() {
            return new EndOfData(Duration.ZERO, "");
        }

        public static EndOfData after(Duration delay, String line) {
            return new EndOfData(delay, line);
        }

        public static EndOfData never() {
            return new EndOfData(Duration.ZERO, null);
        }
    }

    /** What the server does; every part has the plain default of a server that accepts everything. */
    public static final class Script {
        private Function<String, String> rcptReply = to -> null;
        private IntFunction<String> greeting = connection -> "220 fake.test ESMTP";
        private List<String> extensions = List.of("8BITMIME");
        private String user;
        private String password;
        private IntFunction<EndOfData> endOfData = message -> EndOfData.accept();

        /** Maps a recipient address to the reply for its RCPT TO, or to null for "250 OK". */
        public Script rcpt(Function<String, String> reply) {
            this.rcptReply = reply;
            return this;
        }

        /** Maps the connection's number (from 1) to the first line; only 220 goes on; null: say nothing. */
        public Script greeting(IntFunction<String> lines) {
            this.greeting = lines;
            return this;
        }

        /** The EHLO keywords offered, e.g. {@code AUTH PLAIN LOGIN}; none but 8BITMIME by default. */
        public Script extensions(String... keywords) {
            this.extensions = List.of(keywords);
            return this;
        }

        /** Accepts AUTH PLAIN and LOGIN for this user and password (offering them is up to {@link #extensions}). */
        public Script login(String user, String password) {
            this.user = user;
            this.password = password;
            return this;
        }

        /** Maps the message's number (from 1, in the order their "." arrived) to the answer to its end. */
        public Script endOfData(IntFunction<EndOfData> answer) {
            this.endOfData = answer;
            return this;
        }

        public FakeSmtpServer start() throws IOException {
            return new FakeSmtpServer(this);
        }
    }

    private final ServerSocket socket;
    private final Script script;
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger messages = new AtomicInteger();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Thread thread;

    /** {@code rcptReply} maps a recipient address to the reply for its RCPT TO, or to null for "250 OK". */
    public FakeSmtpServer(Function<String, String> rcptReply) throws IOException {
        this(new Script().rcpt(rcptReply));
    }

    /** {@code greeting} maps the connection's number (from 1) to the server's first line; only 220 goes on. */
    public FakeSmtpServer(Function<String, String> rcptReply, IntFunction<String> greeting) throws IOException {
        this(new Script().rcpt(rcptReply).greeting(greeting));
    }

    public static Script script() {
        return new Script();
    }

    private FakeSmtpServer(Script script) throws IOException {
        this.socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        this.script = script;
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

    /** How many connections were accepted so far. */
    public int connections() {
        return connections.get();
    }

    private void serve() {
        while (!socket.isClosed()) {
            try {
                Socket connection = socket.accept();
                open.add(connection);
                int number = connections.incrementAndGet();
                Thread conversation = new Thread(() -> {
                    try (connection) {
                        connection.setSoTimeout(30_000);
                        converse(connection, number);
                    } catch (IOException | InterruptedException e) {
                        // the client went away, or close() ended the conversation
                    } finally {
                        open.remove(connection);
                    }
                }, "fake-smtp-" + number);
                conversation.setDaemon(true);
                conversation.start();
            } catch (IOException e) {
                // closed by close()
            }
        }
    }

    private void converse(Socket connection, int number) throws IOException, InterruptedException {
        BufferedReader in = new BufferedReader(
                new InputStreamReader(connection.getInputStream(), StandardCharsets.ISO_8859_1));
        Writer out = new OutputStreamWriter(connection.getOutputStream(), StandardCharsets.ISO_8859_1);
        String hello = script.greeting.apply(number);
        if (hello == null) {
            waitForClose(in);
            return;
        }
        reply(out, hello);
        if (!hello.startsWith("220")) {
            return;
        }
        List<String> recipients = new ArrayList<>();
        String authenticatedAs = null;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            String command = line.toUpperCase(Locale.ROOT);
            if (command.startsWith("EHLO") || command.startsWith("HELO")) {
                List<String> lines = new ArrayList<>(List.of("fake.test"));
                lines.addAll(script.extensions);
                for (int i = 0; i < lines.size(); i++) {
                    reply(out, "250" + (i < lines.size() - 1 ? "-" : " ") + lines.get(i));
                }
            } else if (command.startsWith("AUTH ")) {
                String user = authenticate(line, in, out);
                if (user != null) {
                    authenticatedAs = user;
                    reply(out, "235 2.7.0 authenticated");
                } else {
                    reply(out, "535 5.7.8 authentication credentials invalid");
                }
            } else if (command.startsWith("MAIL FROM:")) {
                recipients.clear();
                reply(out, "250 2.1.0 OK");
            } else if (command.startsWith("RCPT TO:")) {
                String address = line.substring(line.indexOf('<') + 1, line.indexOf('>'));
                String answer = script.rcptReply.apply(address);
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
                boolean complete = false;
                for (String dataLine = in.readLine(); dataLine != null; dataLine = in.readLine()) {
                    if (dataLine.equals(".")) {
                        complete = true;
                        break;
                    }
                    data.append(dataLine.startsWith("..") ? dataLine.substring(1) : dataLine).append("\r\n");
                }
                if (!complete) {
                    return;
                }
                received.add(new Received(List.copyOf(recipients), data.toString(), authenticatedAs));
                int message = messages.incrementAndGet();
                EndOfData answer = script.endOfData.apply(message);
                Thread.sleep(answer.delay().toMillis());
                if (answer.line() == null) {
                    waitForClose(in);
                    return;
                }
                reply(out, answer.line().isEmpty() ? "250 2.0.0 queued as fake-" + message : answer.line());
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

    /** The user if the AUTH exchange (PLAIN with or without initial response, or LOGIN) names the right login. */
    private String authenticate(String line, BufferedReader in, Writer out) throws IOException {
        String[] words = line.split(" ");
        String mechanism = words[1].toUpperCase(Locale.ROOT);
        if (mechanism.equals("PLAIN")) {
            String response = words.length > 2 ? words[2] : challenge(out, in, "");
            String[] parts = decode(response).split("\0", -1);
            return parts.length == 3 ? check(parts[1], parts[2]) : null;
        }
        if (mechanism.equals("LOGIN")) {
            String user = decode(words.length > 2 ? words[2] : challenge(out, in, "VXNlcm5hbWU6"));
            String password = decode(challenge(out, in, "UGFzc3dvcmQ6"));
            return check(user, password);
        }
        return null;
    }

    private String check(String user, String password) {
        return script.user != null && script.user.equals(user) && script.password.equals(password) ? user : null;
    }

    private static String challenge(Writer out, BufferedReader in, String text) throws IOException {
        reply(out, "334 " + text);
        String answer = in.readLine();
        return answer == null ? "" : answer.strip();
    }

    private static String decode(String base64) {
        try {
            return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    /** Says nothing more; returns when the client closes the connection (or after the socket's timeout). */
    private static void waitForClose(BufferedReader in) throws IOException {
        while (in.read() != -1) {
            // discard whatever the client still sends
        }
    }

    private static void reply(Writer out, String line) throws IOException {
        out.write(line + "\r\n");
        out.flush();
    }

    @Override
    public void close() throws IOException, InterruptedException {
        socket.close();
        for (Socket connection : open) {
            connection.close();
        }
        thread.join(5_000);
    }
}
