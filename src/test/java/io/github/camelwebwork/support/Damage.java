package io.github.camelwebwork.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.function.UnaryOperator;

/**
 * The ways a state file gets damaged, as the tests of every kept state apply them: truncated to 0 bytes, cut in the
 * middle, overwritten with (seeded, so repeatable) random bytes, one byte flipped in the middle. With
 * {@code @ParameterizedTest @EnumSource(Damage.class)} a test runs once per kind.
 */
public enum Damage {
    EMPTY(bytes -> new byte[0]),
    CUT_HALFWAY(bytes -> Arrays.copyOf(bytes, bytes.length / 2)),
    RANDOM_BYTES(bytes -> {
        byte[] noise = new byte[Math.max(64, bytes.length)];
        new Random(14).nextBytes(noise);
        return noise;
    }),
    FLIPPED_BYTE(bytes -> {
        byte[] flipped = bytes.clone();
        flipped[bytes.length / 2] ^= 0x04;
        return flipped;
    });

    private final UnaryOperator<byte[]> change;

    Damage(UnaryOperator<byte[]> change) {
        this.change = change;
    }

    public void apply(Path file) throws IOException {
        Files.write(file, change.apply(Files.readAllBytes(file)));
    }
}
