package io.chokepoint.delivery;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;
import java.util.regex.Pattern;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;

/**
 * The delivery used when no SMTP server is configured: each mail is written, complete, as an RFC 822
 * {@code .eml} file named {@code <prefix>-<recipient>.eml} in one directory, ready to be opened or sent by hand.
 * A file is written under a temporary name and then renamed, so it is either absent or whole; writing the same
 * prefix and recipient again replaces it. Thread-safe.
 */
public final class OutboxWriter implements MessageSender {
    private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern UNSAFE_IN_NAME = Pattern.compile("[^a-z0-9.@+_-]");
    // Keeps prefix, address, hash and the temporary name's additions under the usual 255-byte file name limit.
    private static final int MAX_ADDRESS_IN_NAME = 120;

    private final Path directory;
    private final String prefix;
    private final InternetAddress from;
    private final Clock clock;
    private final Session session = Session.getInstance(new Properties());

    /**
     * @param directory   where the files go; created if missing
     * @param prefix      starts each file name, e.g. the period {@code 2025-11}: letters, digits, {@code . _ -}
     * @param fromAddress the From header, as for {@link MailSettings#from()}
     * @param clock       stamps the Date header and the outcome
     */
    public OutboxWriter(Path directory, String prefix, String fromAddress, Clock clock) {
        this.directory = Objects.requireNonNull(directory, "directory");
        if (prefix == null || !PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException("outbox file prefix '" + HeaderText.printable(prefix)
                    + "' must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        this.prefix = prefix;
        this.from = Addresses.parse(fromAddress, "from address", true);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Writes the mail for {@code recipient} and returns an {@code OUTBOX} outcome with the file's path.
     *
     * @throws DeliveryException if the attachment cannot be read or the file cannot be written
     */
    @Override
    public DeliveryOutcome send(ReportMessage message, Recipient recipient) {
        ReportMime.Prepared prepared = ReportMime.prepare(session, from, recipient, message, clock.instant());
        Path target = directory.resolve(fileName(prefix, recipient));
        Path temp = null;
        try {
            Files.createDirectories(directory);
            temp = Files.createTempFile(directory, "." + target.getFileName() + ".", ".tmp");
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
                 OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel))) {
                prepared.message().writeTo(out);
                out.flush();
                channel.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | MessagingException e) {
            deleteQuietly(temp);
            throw new DeliveryException("cannot write outbox file " + target + ": " + e, e);
        }
        return new DeliveryOutcome(DeliveryOutcome.Status.OUTBOX, prepared.messageId(), 0, "written to " + target,
                prepared.attachmentSha256(), clock.instant(), target);
    }

    /**
     * {@code <prefix>-<address>.eml}, the address lower-cased (addresses differing only in case share a file)
     * with anything but letters, digits and {@code . @ + _ -} replaced by {@code _}. When something was replaced
     * or the address had to be shortened, a short hash of the address is added so that two addresses cannot end
     * up in the same file.
     */
    static String fileName(String prefix, Recipient recipient) {
        String address = recipient.email().toLowerCase(Locale.ROOT);
        String safe = UNSAFE_IN_NAME.matcher(address).replaceAll("_");
        if (!safe.equals(address) || safe.length() > MAX_ADDRESS_IN_NAME) {
            safe = safe.substring(0, Math.min(safe.length(), MAX_ADDRESS_IN_NAME)) + "-"
                    + ReportMime.sha256(address.getBytes(StandardCharsets.UTF_8)).substring(0, 8);
        }
        return prefix + "-" + safe + ".eml";
    }

    private static void deleteQuietly(Path temp) {
        if (temp == null) {
            return;
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            // The original failure is the one worth reporting; a stray ".tmp" file is harmless.
        }
    }
}
