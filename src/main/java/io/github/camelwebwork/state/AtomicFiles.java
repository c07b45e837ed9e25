package io.github.camelwebwork.state;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writing a file so that a reader never sees half of it: the content goes to a hidden temporary file in the target's
 * own directory ({@code .<name>.<random>.tmp}, same file system), is forced to disk, and is then renamed over the
 * target with {@link StandardCopyOption#ATOMIC_MOVE}. A reader opens either the old complete file or the new one.
 * Renaming over an existing file replaces it (POSIX {@code rename}, Windows {@code MoveFileEx} with replace).
 */
public final class AtomicFiles {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Logger LOG = LoggerFactory.getLogger(AtomicFiles.class);
    private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

    private AtomicFiles() {
    }

    /**
     * A new, empty temporary file next to {@code target} (the directory is created when missing). It is created with
     * the process's default permissions (umask), not the owner-only ones of {@link Files#createTempFile}, so that
     * the renamed file is as readable as any other file the application writes.
     */
    public static Path tempFileFor(Path target) throws IOException {
        return tempFileFor(target, false);
    }

    /**
     * As {@link #tempFileFor(Path)}; with {@code ownerOnly} the file is created readable and writable by its owner
     * only (where the file system has POSIX permissions), before anything secret is written to it.
     */
    public static Path tempFileFor(Path target, boolean ownerOnly) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        boolean posix = ownerOnly && dir.getFileSystem().supportedFileAttributeViews().contains("posix");
        while (true) {
            String random = Long.toUnsignedString(RANDOM.nextLong());
            Path temp = dir.resolve("." + target.getFileName() + "." + random + ".tmp");
            try {
                return posix ? Files.createFile(temp, OWNER_ONLY) : Files.createFile(temp);
            } catch (FileAlreadyExistsException e) {
                // drawn twice: draw again
            }
        }
    }

    /**
     * Forces {@code temp} to disk and renames it over {@code target} atomically. Where the file system cannot move
     * atomically (rare: some network shares) it falls back to a plain replacing move and says so in the log.
     */
    public static void commit(Path temp, Path target) throws IOException {
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            LOG.warn("The file system of {} cannot rename atomically; replacing it with a plain move", target);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Deletes a temporary file left by a write that did not finish; never throws. */
    public static void discard(Path temp) {
        if (temp == null) {
            return;
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            LOG.warn("Could not delete the temporary file {}: {}", temp, e.getMessage());
        }
    }
}
