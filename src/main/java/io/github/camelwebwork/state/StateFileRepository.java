package io.github.camelwebwork.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.service.ServiceSupport;

/**
 * A Camel {@link StateRepository} in a {@link StateFile} log: each {@link #setState} appends one checksummed
 * {@code key=value} entry (forced to disk; the last one of a key wins), and the log is compacted (rewritten
 * atomically with the current values) when it has grown to twice its compacted size and past
 * {@link #setMaxFileSize(long) maxFileSize}, and on stop. A damaged file fails {@link #start()} with an
 * {@link InvalidStateException}, unless {@link #setRecoverInvalid(boolean) recoverInvalid}: then it is moved aside and
 * the repository starts empty, and {@link #recoveredFrom()} says so. A file of Camel's {@code FileStateRepository}
 * (the format of earlier versions: {@code key=value} lines) is read once and rewritten.
 */
public class StateFileRepository extends ServiceSupport implements StateRepository<String, String> {

    private final StateFile file;
    private final Map<String, String> values = new HashMap<>();
    private long maxFileSize = 1024 * 1024;
    private boolean recoverInvalid;
    private InvalidStateException recovered;
    /** Whether the file on disk is ours to append to (written or read by this repository since its start). */
    private boolean appendable;
    private long compactedSize;

    public StateFileRepository(StateFile file) {
        this.file = file.appendable().legacy("Camel FileStateRepository", this::legacyEntries);
    }

    /** The size past which the log is compacted once it has doubled since its last compaction (default 1 MiB). */
    public void setMaxFileSize(long maxFileSize) {
        this.maxFileSize = maxFileSize;
    }

    /** Start empty from a damaged file (moved aside) instead of failing. */
    public void setRecoverInvalid(boolean recoverInvalid) {
        this.recoverInvalid = recoverInvalid;
    }

    /** The damage this repository started empty from (the file was moved aside), if it did. */
    public Optional<InvalidStateException> recoveredFrom() {
        return Optional.ofNullable(recovered);
    }

    public Path getPath() {
        return file.path();
    }

    @Override
    protected synchronized void doStart() throws Exception {
        values.clear();
        recovered = null;
        appendable = false;
        Optional<StateFile.Contents> contents = file.read(recoverInvalid, "", "the state starts empty",
                e -> recovered = e);
        if (contents.isEmpty()) {
            return;
        }
        for (String entry : contents.get().entries()) {
            int eq = entry.indexOf('=');
            if (eq < 1) {
                throw file.invalid("an entry is not key=value");
            }
            values.put(entry.substring(0, eq), entry.substring(eq + 1));
        }
        if (contents.get().legacy() || contents.get().entries().size() > values.size()) {
            compact();
        } else {
            appendable = true;
            compactedSize = Files.size(file.path());
        }
    }

    @Override
    protected synchronized void doStop() throws Exception {
        if (appendable || !values.isEmpty()) {
            compact();
        }
    }

    @Override
    public synchronized String getState(String key) {
        return values.get(key);
    }

    @Override
    public synchronized void setState(String key, String value) {
        if (key.isEmpty() || key.indexOf('=') >= 0) {
            throw new IllegalArgumentException("A state key is not empty and has no '=': " + key);
        }
        values.put(key, value);
        try {
            long size = appendable ? Files.size(file.path()) : 0;
            if (appendable && (size < maxFileSize || size < 2 * compactedSize)) {
                file.append(key + "=" + value);
            } else {
                compact();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the state file " + file.path(), e);
        }
    }

    private void compact() throws IOException {
        List<String> entries = new ArrayList<>(values.size());
        values.forEach((k, v) -> entries.add(k + "=" + v));
        file.write(entries);
        appendable = true;
        compactedSize = Files.size(file.path());
    }

    /**
     * Camel's FileStateRepository: {@code key=value} lines, appended (the last of a key wins). Its keys never hold
     * '=' nor, in this project, white space.
     */
    private List<String> legacyEntries(String text) {
        List<String> lines = file.legacyLines(text);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int eq = line.indexOf('=');
            if (eq < 1 || line.substring(0, eq).chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("line " + (i + 1) + " is not key=value");
            }
        }
        return lines;
    }

    @Override
    public String toString() {
        return "StateFileRepository[" + file.path() + "]";
    }
}
