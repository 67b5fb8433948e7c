package io.chokepoint.delivery;

import java.util.Arrays;
import java.util.stream.Collectors;

/** How the connection to the SMTP server is protected. */
public enum TlsMode {
    /** Plain SMTP; only for a relay on a trusted network. */
    NONE("none"),
    /** Plain SMTP upgraded with STARTTLS; the send fails if the server does not offer it. */
    STARTTLS("starttls"),
    /** SMTP inside TLS from the first byte (smtps, usually port 465). */
    SSL("ssl");

    private final String code;

    TlsMode(String code) {
        this.code = code;
    }

    /** The mode as written in settings, e.g. {@code starttls}. */
    public String code() {
        return code;
    }

    /** The port a server usually listens on in this mode. */
    public int defaultPort() {
        return switch (this) {
            case NONE -> 25;
            case STARTTLS -> 587;
            case SSL -> 465;
        };
    }

    /**
     * Parses {@code none}, {@code starttls} or {@code ssl} (case-insensitive).
     *
     * @throws IllegalArgumentException for anything else
     */
    public static TlsMode fromCode(String code) {
        return Arrays.stream(values())
                .filter(m -> m.code.equalsIgnoreCase(code == null ? "" : code.strip()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown TLS mode '" + HeaderText.printable(code)
                        + "', expected one of " + Arrays.stream(values()).map(TlsMode::code)
                        .collect(Collectors.joining(", "))));
    }
}
