package io.github.camelwebwork.support;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The log lines of one test (slf4j-simple writes to System.err, looked up at each line), for tests that assert what
 * was logged: {@code @RegisterExtension CapturedLog log = new CapturedLog();}.
 */
public final class CapturedLog implements BeforeEachCallback, AfterEachCallback {

    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private PrintStream originalErr;

    @Override
    public void beforeEach(ExtensionContext context) {
        originalErr = System.err;
        System.setErr(new PrintStream(new TeeStream(originalErr), true, StandardCharsets.UTF_8));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        System.setErr(originalErr);
    }

    /** Everything logged since the test started. */
    public synchronized String text() {
        return captured.toString(StandardCharsets.UTF_8);
    }

    /** Writes to the captured buffer and on to the real stream (the surefire output stays complete). */
    private final class TeeStream extends OutputStream {
        private final PrintStream next;

        TeeStream(PrintStream next) {
            this.next = next;
        }

        @Override
        public void write(int b) {
            synchronized (CapturedLog.this) {
                captured.write(b);
            }
            next.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            synchronized (CapturedLog.this) {
                captured.write(b, off, len);
            }
            next.write(b, off, len);
        }
    }
}
