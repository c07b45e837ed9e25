package io.github.camelwebwork.state;

import java.nio.file.Path;

/**
 * A state file that exists but cannot be trusted: empty, cut short, not a state file, or a line whose checksum does
 * not match. It is never read as "no state yet" (which would replay or skip everything); the message names the file,
 * what is wrong and the ways out. It never quotes the file's content (records, keys or tokens).
 */
public class InvalidStateException extends IllegalStateException {

    private final transient Path file;
    private final String problem;

    public InvalidStateException(Path file, String what, String problem, String waysOut) {
        super("The " + what + " state file " + file + " is damaged: " + problem + ". It was not read, and nothing was "
              + "done with it. " + waysOut);
        this.file = file;
        this.problem = problem;
    }

    /** The damaged file. */
    public Path file() {
        return file;
    }

    /** What is wrong with it, e.g. "it is empty (0 bytes)". */
    public String problem() {
        return problem;
    }
}
