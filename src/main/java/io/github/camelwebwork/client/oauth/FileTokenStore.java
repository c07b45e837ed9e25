package io.github.camelwebwork.client.oauth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;

/**
 * Keeps tokens in one properties file per credential key in a directory, readable and writable by the owner only
 * where the file system has POSIX permissions. Written to a temporary file and moved into place, so a crash never
 * leaves a half-written refresh token.
 */
public final class FileTokenStore implements TokenStore {

    private final Path directory;

    public FileTokenStore(Path directory) {
        this.directory = directory;
    }

    @Override
    public synchronized Optional<OAuth2Tokens> load(String key) {
        Path file = file(key);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(file)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the WebWork token store " + file, e);
        }
        return Optional.of(new OAuth2Tokens(p.getProperty("access_token"), p.getProperty("refresh_token"),
                instant(p, "obtained_at"), instant(p, "expires_at")));
    }

    @Override
    public synchronized void save(String key, OAuth2Tokens tokens) {
        Path file = file(key);
        Properties p = new Properties();
        if (tokens.accessToken() != null) {
            p.setProperty("access_token", tokens.accessToken());
        }
        if (tokens.refreshToken() != null) {
            p.setProperty("refresh_token", tokens.refreshToken());
        }
        p.setProperty("obtained_at", tokens.obtainedAt().toString());
        p.setProperty("expires_at", tokens.expiresAt().toString());
        try {
            Files.createDirectories(directory);
            Path tmp = Files.createTempFile(directory, ".webwork-token", ".tmp");
            ownerOnly(tmp);
            try (var out = Files.newBufferedWriter(tmp)) {
                p.store(out, "camel-webwork OAuth2 tokens (secret)");
            }
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the WebWork token store " + file, e);
        }
    }

    private static Instant instant(Properties p, String name) {
        String value = p.getProperty(name);
        return value == null ? Instant.EPOCH : Instant.parse(value);
    }

    /** The file for a key: the key is made of safe characters already ({@code oauth-<client id hash>}). */
    Path file(String key) {
        return directory.resolve(key.replaceAll("[^A-Za-z0-9._-]", "_") + ".properties");
    }

    private static void ownerOnly(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException ignored) {
            // not a POSIX file system: the directory's own permissions apply
        }
    }

    @Override
    public String toString() {
        return "FileTokenStore[" + directory + "]";
    }
}
