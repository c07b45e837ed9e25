package io.github.camelwebwork.state;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32C;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one format of every file the project keeps state in (change capture, the Jira status poll, command
 * idempotency keys, OAuth2 tokens), so that damaged state can be told apart from "no state yet":
 * <pre>
 * # camel-webwork state v1 &lt;kind&gt; lines=&lt;n&gt; crc=&lt;crc32c of the text before " crc="&gt;
 * &lt;crc32c of the entry, 8 hex&gt; &lt;entry, with \ newline and carriage return escaped&gt;
 * ...
 * </pre>
 * The file is written whole atomically ({@link AtomicFiles}: temp file in the same folder, fsync, rename), with the
 * number of its entries in the header. An {@link #appendable()} file (a log) may then grow by appended entries, each
 * forced to disk before {@link #append} returns. Reading refuses ({@link InvalidStateException}) an empty file, one
 * without the header, a header of another kind or version, an entry whose checksum does not match, and a file with
 * fewer complete entries than its header announces. The one tolerated defect is the last appended entry of a log
 * cut short (no end of line: a crash in the middle of an append, which had not returned): it is dropped with a
 * warning. A file without the header that an earlier version wrote in another format is read once through its
 * {@link LegacyFormat}, for the caller to rewrite.
 */
public final class StateFile {

    /** The format version this code writes and reads. */
    public static final int VERSION = 1;
    private static final String HEADER_START = "# camel-webwork state v";
    private static final Pattern HEADER = Pattern.compile(
            "(# camel-webwork state v(\\d{1,9}) ([a-z0-9-]+) lines=(\\d{1,18})) crc=([0-9a-f]{8})");
    private static final Pattern ENTRY_LINE = Pattern.compile("^[0-9a-f]{8} ", Pattern.MULTILINE);
    private static final Logger LOG = LoggerFactory.getLogger(StateFile.class);

    /** How a file written by an earlier version, without the header, is read once. */
    @FunctionalInterface
    public interface LegacyFormat {
        /**
         * The entries of an old file's text (not empty); throws {@link IllegalArgumentException} saying why the text
         * is not in that format.
         */
        List<String> entries(String text);
    }

    /** What a read found: the entries in file order, and whether they came from a file in the legacy format. */
    public record Contents(List<String> entries, boolean legacy) {
    }

    private final Path path;
    private final String kind;
    private final String what;
    private final String waysOut;
    private final boolean appendable;
    private final boolean ownerOnly;
    private final LegacyFormat legacy;
    private final String legacyName;

    private StateFile(Path path, String kind, String what, String waysOut, boolean appendable, boolean ownerOnly,
                      LegacyFormat legacy, String legacyName) {
        this.path = Objects.requireNonNull(path, "path");
        this.kind = kind;
        this.what = what;
        this.waysOut = waysOut;
        this.appendable = appendable;
        this.ownerOnly = ownerOnly;
        this.legacy = legacy;
        this.legacyName = legacyName;
    }

    /**
     * A state file of one {@code kind} (lower case, digits and '-', written into the header so that one state is never
     * read as another); {@code what} names it in messages ("change-capture").
     */
    public static StateFile of(Path path, String kind, String what) {
        if (!kind.matches("[a-z0-9-]+")) {
            throw new IllegalArgumentException("A state kind is lower case letters, digits and '-': " + kind);
        }
        return new StateFile(path, kind, what, "Delete the file to start as on a first run.", false, false, null, null);
    }

    /** The sentence of the error message that says what the user can do about a damaged file. */
    public StateFile waysOut(String text) {
        return new StateFile(path, kind, what, text, appendable, ownerOnly, legacy, legacyName);
    }

    /** A log: entries may be appended after the ones written whole. */
    public StateFile appendable() {
        return new StateFile(path, kind, what, waysOut, true, ownerOnly, legacy, legacyName);
    }

    /** Readable and writable by the owner only (secrets), where the file system has POSIX permissions. */
    public StateFile ownerOnly() {
        return new StateFile(path, kind, what, waysOut, appendable, true, legacy, legacyName);
    }

    /** The format an earlier version wrote ({@code name} for the log, e.g. "Camel FileStateRepository"). */
    public StateFile legacy(String name, LegacyFormat format) {
        return new StateFile(path, kind, what, waysOut, appendable, ownerOnly, format, name);
    }

    public Path path() {
        return path;
    }

    /** The error for a damaged file: names the file, the problem and the ways out. */
    public InvalidStateException invalid(String problem) {
        return new InvalidStateException(path, what, problem, waysOut);
    }

    // ---------------------------------------------------------------- reading

    /** The file's entries; empty when there is no file (no state yet). */
    public Optional<Contents> read() throws IOException {
        if (!Files.exists(path)) {
            return Optional.empty();
        }
        byte[] bytes = Files.readAllBytes(path);
        if (bytes.length == 0) {
            throw invalid("it is empty (0 bytes), which no version writes (a lost write or a truncation)");
        }
        String text = decode(bytes);
        if (legacy != null && !looksLikeStateFormat(text)) {
            return Optional.of(readLegacy(text));
        }
        return Optional.of(new Contents(parse(text), false));
    }

    private String decode(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            throw invalid("it holds bytes that are not text (byte " + in.position() + " of " + bytes.length
                          + " is not UTF-8): overwritten or corrupted");
        }
        decoder.flush(out);
        return out.flip().toString();
    }

    /**
     * Whether the text is in this format, if damaged: then it is never read as the legacy format (a damaged header
     * must not make a legacy parser take the checksummed lines for old entries).
     */
    private static boolean looksLikeStateFormat(String text) {
        return text.startsWith("# camel-webwork") || ENTRY_LINE.matcher(text).find();
    }

    private Contents readLegacy(String text) {
        List<String> entries;
        try {
            entries = legacy.entries(text);
        } catch (IllegalArgumentException e) {
            throw invalid("it has no camel-webwork state header, and it is no " + legacyName + " file of an earlier "
                          + "version either (" + e.getMessage() + ")");
        }
        LOG.info("The {} state file {} is in the {} format of an earlier version: {} entries read; it is rewritten in "
                 + "the state format v{}", what, path, legacyName, entries.size(), VERSION);
        return new Contents(entries, true);
    }

    private List<String> parse(String text) {
        int headerEnd = text.indexOf('\n');
        if (headerEnd < 0) {
            throw invalid("it is cut short in its first (header) line");
        }
        Matcher header = HEADER.matcher(text.substring(0, headerEnd));
        if (!header.matches()) {
            throw invalid(text.startsWith(HEADER_START) ? "its header line is damaged"
                    : "it does not start with the camel-webwork state header (overwritten, or not a state file)");
        }
        if (!crc(header.group(1)).equals(header.group(5))) {
            throw invalid("its header line does not match its checksum");
        }
        int version = Integer.parseInt(header.group(2));
        if (version != VERSION) {
            throw invalid("it is in the state format v" + version + ", and this version reads v" + VERSION
                          + (version > VERSION ? " (it was written by a newer camel-webwork)" : ""));
        }
        if (!header.group(3).equals(kind)) {
            throw invalid("it holds " + header.group(3) + " state, not " + kind + " state (another state's file?)");
        }
        long announced = Long.parseLong(header.group(4));
        List<String> entries = new ArrayList<>();
        int start = headerEnd + 1;
        int lineNumber = 1;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            lineNumber++;
            if (end < 0) {
                if (appendable && entries.size() >= announced) {
                    LOG.warn("The last entry of the {} state file {} (line {}) is cut short, as a crash in the middle "
                             + "of writing it leaves it; it was never in effect and is dropped, the {} entries before "
                             + "it are used", what, path, lineNumber, entries.size());
                    break;
                }
                throw invalid("it is cut short in line " + lineNumber + " (its header announces " + announced
                              + " entries)");
            }
            entries.add(entry(text.substring(start, end), lineNumber));
            start = end + 1;
        }
        if (entries.size() < announced) {
            throw invalid("it is cut short: its header announces " + announced + " entries, " + entries.size()
                          + " are there");
        }
        if (!appendable && entries.size() > announced) {
            throw invalid("it has " + (entries.size() - announced) + " lines more than the " + announced
                          + " its header announces");
        }
        return entries;
    }

    private String entry(String line, int lineNumber) {
        if (line.length() < 9 || line.charAt(8) != ' ') {
            throw invalid("line " + lineNumber + " is not a checksummed entry");
        }
        String payload = line.substring(9);
        if (!crc(payload).equals(line.substring(0, 8))) {
            throw invalid("line " + lineNumber + " does not match its checksum");
        }
        return unescape(payload, lineNumber);
    }

    // ---------------------------------------------------------------- writing

    /** Replaces the file with these entries, atomically: a reader sees the old complete file or the new one. */
    public void write(Collection<String> entries) throws IOException {
        Path temp = AtomicFiles.tempFileFor(path, ownerOnly);
        try {
            try (BufferedWriter out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                String header = HEADER_START + VERSION + " " + kind + " lines=" + entries.size();
                out.write(header + " crc=" + crc(header) + "\n");
                for (String entry : entries) {
                    out.write(line(entry));
                }
            }
            AtomicFiles.commit(temp, path);
        } catch (IOException | RuntimeException e) {
            AtomicFiles.discard(temp);
            throw e;
        }
    }

    /** Appends one entry to a log written by {@link #write} before, and forces it to disk. */
    public void append(String entry) throws IOException {
        if (!appendable) {
            throw new IllegalStateException("The " + what + " state file " + path + " is written whole, not appended to");
        }
        ByteBuffer bytes = ByteBuffer.wrap(line(entry).getBytes(StandardCharsets.UTF_8));
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(false);
        }
    }

    /**
     * {@link #read()}; a damaged file, when {@code recover} is set, is moved aside ({@link #setAside()}), logged at
     * WARN as "{@code <problem> Recovering<how>: the file was moved to <aside>; <then>}", given to
     * {@code recovered}, and read as no state.
     *
     * @throws InvalidStateException for a damaged file when {@code recover} is not set
     */
    public Optional<Contents> read(boolean recover, String how, String then,
                                   Consumer<InvalidStateException> recovered) throws IOException {
        try {
            return read();
        } catch (InvalidStateException e) {
            if (!recover) {
                throw e;
            }
            Path aside = setAside();
            LOG.warn("{} Recovering{}: the file was moved to {}; {}", e.getMessage(), how, aside, then);
            recovered.accept(e);
            return Optional.empty();
        }
    }

    /**
     * Moves a damaged file aside (to {@code <name>.invalid}, or {@code .invalid.1}, ... when taken), so that a
     * recovery loses nothing; the path it now has.
     */
    public Path setAside() throws IOException {
        Path aside = path.resolveSibling(path.getFileName() + ".invalid");
        for (int n = 1; Files.exists(aside); n++) {
            aside = path.resolveSibling(path.getFileName() + ".invalid." + n);
        }
        Files.move(path, aside);
        return aside;
    }

    private static String line(String entry) {
        String payload = escape(entry);
        return crc(payload) + " " + payload + "\n";
    }

    static String crc(String text) {
        CRC32C crc = new CRC32C();
        crc.update(text.getBytes(StandardCharsets.UTF_8));
        return String.format("%08x", crc.getValue());
    }

    private static String escape(String entry) {
        StringBuilder out = new StringBuilder(entry.length() + 8);
        for (int i = 0; i < entry.length(); i++) {
            char c = entry.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private String unescape(String payload, int lineNumber) {
        if (payload.indexOf('\\') < 0) {
            return payload;
        }
        StringBuilder out = new StringBuilder(payload.length());
        for (int i = 0; i < payload.length(); i++) {
            char c = payload.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char next = ++i < payload.length() ? payload.charAt(i) : '?';
            switch (next) {
                case '\\' -> out.append('\\');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                default -> throw invalid("line " + lineNumber + " has a bad escape");
            }
        }
        return out.toString();
    }

    /**
     * The complete lines of a legacy line-per-entry file: a last line without its end of line (an append the old
     * format did not finish) is dropped with a warning; a line with a control character means the file is not text of
     * that format.
     */
    public List<String> legacyLines(String text) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        String last = lines.remove(lines.size() - 1);
        if (!last.isEmpty()) {
            LOG.warn("The last line of the {} state file {} is cut short (an interrupted write of the old format): it "
                     + "is dropped", what, path);
        }
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("it has no complete line");
        }
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).chars().anyMatch(c -> c < 0x20 && c != '\t')) {
                throw new IllegalArgumentException("line " + (i + 1) + " holds control characters");
            }
        }
        return lines;
    }

    @Override
    public String toString() {
        return "StateFile[" + kind + " " + path + "]";
    }
}
