package io.github.camelwebwork.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Camel {@link IdempotentRepository} in a {@link StateFile} log, for keys that must survive restarts (the creates of
 * routes/kafka-to-webwork.yaml): {@link #add} appends one checksummed {@code +key} entry and forces it to disk before
 * it returns (a crash cannot lose a key whose create was sent), {@link #remove} a {@code -key} entry. The newest
 * {@link #setCacheSize(int) cacheSize} keys are kept, all in memory (a look-up never reads the file); an older one is
 * forgotten. When the log grows past {@link #setMaxFileStoreSize(long) maxFileStoreSize} it is rewritten atomically
 * with the kept keys; if they alone fill more than half of it, the oldest are dropped (with a warning), as Camel's
 * FileIdempotentRepository does. A damaged file fails {@link #start()} unless {@code onInvalidState=now}; a file of
 * Camel's FileIdempotentRepository (one key per line) is read once and rewritten.
 */
public class StateFileIdempotentRepository extends ServiceSupport implements IdempotentRepository {

    private static final Logger LOG = LoggerFactory.getLogger(StateFileIdempotentRepository.class);
    static final String KIND = "idempotency-keys";

    private Path file;
    private StateFile state;
    private int cacheSize = 100_000;
    private long maxFileStoreSize = 32L * 1024 * 1024;
    private boolean recoverInvalid;
    private final Map<String, Boolean> keys = new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > cacheSize;
        }
    };
    private boolean appendable;

    public StateFileIdempotentRepository() {
    }

    public StateFileIdempotentRepository(Path file) {
        setFile(file.toString());
    }

    /** The file of the keys. */
    public void setFile(String file) {
        this.file = Path.of(file);
    }

    public String getFile() {
        return file == null ? null : file.toString();
    }

    /** How many of the newest keys are kept (default 100,000). */
    public void setCacheSize(int cacheSize) {
        if (cacheSize < 1) {
            throw new IllegalArgumentException("cacheSize is at least 1: " + cacheSize);
        }
        this.cacheSize = cacheSize;
    }

    /** The size past which the log is rewritten with the kept keys (default 32 MiB). */
    public void setMaxFileStoreSize(long maxFileStoreSize) {
        this.maxFileStoreSize = maxFileStoreSize;
    }

    /**
     * What a damaged file does at start: {@code fail} (default) refuses to start; {@code now} moves it aside and
     * starts with no keys.
     */
    public void setOnInvalidState(String onInvalidState) {
        String value = onInvalidState == null ? "" : onInvalidState.trim();
        if (!value.equals("fail") && !value.equals("now")) {
            throw new IllegalArgumentException("onInvalidState of the idempotency keys is fail or now, not '"
                                               + onInvalidState + "'");
        }
        this.recoverInvalid = value.equals("now");
    }

    @Override
    protected synchronized void doStart() throws Exception {
        if (file == null) {
            throw new IllegalArgumentException("StateFileIdempotentRepository needs its file");
        }
        state = StateFile.of(file, KIND, "idempotency-key").appendable()
                .legacy("Camel FileIdempotentRepository", text -> state.legacyLines(text).stream()
                        .map(key -> "+" + key).toList())
                .waysOut("Ways out: set its onInvalidState to now (routes/kafka-to-webwork.yaml: "
                         + "webwork.commands.on-invalid-state=now) to start with no keys, the damaged file moved "
                         + "aside; a create whose command is read again is then sent without a look-up first. Or "
                         + "delete the file.");
        keys.clear();
        appendable = false;
        StateFile.Contents contents = state.read(recoverInvalid, " (onInvalidState=now)", "starting with no keys",
                e -> { }).orElse(null);
        if (contents == null) {
            return;
        }
        List<String> entries = contents.entries();
        for (String entry : entries) {
            String key = entry.substring(1);
            if (entry.startsWith("+")) {
                keys.put(key, Boolean.TRUE);
            } else if (entry.startsWith("-")) {
                keys.remove(key);
            } else {
                throw state.invalid("an entry is neither +key nor -key");
            }
        }
        if (contents.legacy() || entries.size() > keys.size()) {
            compact();
        } else {
            appendable = true;
        }
    }

    @Override
    protected synchronized void doStop() throws Exception {
        if (appendable) {
            compact();
        }
    }

    @Override
    public synchronized boolean add(String key) {
        if (keys.containsKey(key)) {
            return false;
        }
        keys.put(key, Boolean.TRUE);
        write("+" + key);
        return true;
    }

    @Override
    public synchronized boolean contains(String key) {
        return keys.containsKey(key);
    }

    @Override
    public synchronized boolean remove(String key) {
        if (keys.remove(key) == null) {
            return false;
        }
        write("-" + key);
        return true;
    }

    @Override
    public boolean confirm(String key) {
        return true;
    }

    @Override
    public synchronized void clear() {
        keys.clear();
        try {
            compact();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the idempotency keys " + file, e);
        }
    }

    private void write(String entry) {
        try {
            if (appendable && Files.size(file) < maxFileStoreSize) {
                state.append(entry);
            } else {
                compact();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the idempotency keys " + file, e);
        }
    }

    private void compact() throws IOException {
        long bytes = 0;
        for (String key : keys.keySet()) {
            bytes += lineSize(key);
        }
        int dropped = 0;
        for (Iterator<String> oldest = keys.keySet().iterator();
             maxFileStoreSize > 0 && bytes > maxFileStoreSize / 2 && oldest.hasNext(); dropped++) {
            bytes -= lineSize(oldest.next());
            oldest.remove();
        }
        if (dropped > 0) {
            LOG.warn("The idempotency keys {} fill more than half of maxFileStoreSize ({} bytes): the {} oldest keys "
                     + "are dropped", file, maxFileStoreSize, dropped);
        }
        List<String> entries = new ArrayList<>(keys.size());
        keys.keySet().forEach(key -> entries.add("+" + key));
        state.write(entries);
        appendable = true;
    }

    private static long lineSize(String key) {
        return 11 + key.getBytes(StandardCharsets.UTF_8).length;
    }

    @Override
    public String toString() {
        return "StateFileIdempotentRepository[" + file + "]";
    }
}
