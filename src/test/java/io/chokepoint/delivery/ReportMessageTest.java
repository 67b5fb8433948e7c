package io.chokepoint.delivery;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class ReportMessageTest {
    private static final Path PDF = Path.of("reports/2025-11/chokepoint-2025-11.pdf");

    @Test
    void subjectWithLineBreak_isRefused() {
        assertThatThrownBy(() -> new ReportMessage("Report\r\nBcc: eve@example.org", "t", "<p>t</p>", PDF, "r.pdf"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("subject 'Report\\r\\nBcc: eve@example.org'");
    }

    @Test
    void attachmentNameWithPath_isRefused() {
        assertThatThrownBy(() -> new ReportMessage("Report", "t", "<p>t</p>", PDF, "../r.pdf"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("plain file name");
    }

    @Test
    void blankBodies_areRefused() {
        assertThatThrownBy(() -> new ReportMessage("Report", " ", "<p>t</p>", PDF, "r.pdf"))
                .hasMessage("text body is required");
        assertThatThrownBy(() -> new ReportMessage("Report", "t", null, PDF, "r.pdf"))
                .hasMessage("HTML body is required");
    }
}
