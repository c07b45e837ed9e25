package io.github.camelwebwork.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import io.github.camelwebwork.support.CapturedLog;
import io.github.camelwebwork.support.Damage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The state format: what is written comes back; damage is refused, never read as "no state yet". */
class StateFileTest {

    private static final List<String> ENTRIES = List.of("1:tasks:p100={\"records\":{}}", "#initialized=2026-12-06",
            "with\nnewline\\ and \r return", "ünïcödé=✓");

    @TempDir
    Path dir;

    @RegisterExtension
    final CapturedLog log = new CapturedLog();

    private StateFile file() {
        return StateFile.of(dir.resolve("test.state"), "test-state", "test").waysOut("Ways out: delete it.");
    }

    @Test
    void whatIsWrittenIsReadBackAndNoFileIsNoState() throws Exception {
        StateFile file = file();
        assertThat(file.read()).isEmpty();

        file.write(ENTRIES);

        assertThat(file.read()).contains(new StateFile.Contents(ENTRIES, false));
        String text = Files.readString(file.path());
        assertThat(text).startsWith("# camel-webwork state v1 test-state lines=4 crc=").endsWith("\n");
        assertThat(text.lines()).hasSize(5);
        try (var files = Files.list(dir)) {
            assertThat(files).as("no temporary file is left").containsExactly(file.path());
        }
    }

    @ParameterizedTest
    @EnumSource(Damage.class)
    void aDamagedFileIsRefusedWithItsNameTheProblemAndTheWaysOut(Damage damage) throws Exception {
        StateFile file = file();
        file.write(ENTRIES);
        damage.apply(file.path());

        assertThatThrownBy(file::read).isInstanceOf(InvalidStateException.class)
                .hasMessageContaining("The test state file " + file.path() + " is damaged: ")
                .hasMessageContaining("Ways out: delete it.")
                .satisfies(e -> assertThat(((InvalidStateException) e).problem()).isNotBlank());
    }

    @Test
    void theProblemIsNamed() throws Exception {
        StateFile file = file();
        Path path = file.path();
        Files.write(path, new byte[0]);
        assertThatThrownBy(file::read).hasMessageContaining("it is empty (0 bytes)");
        Files.write(path, new byte[] {'#', ' ', (byte) 0xC3, 0x28});
        assertThatThrownBy(file::read).hasMessageContaining("not text (byte 2 of 4 is not UTF-8)");
        Files.writeString(path, "{\"cursor\": 1}\n");
        assertThatThrownBy(file::read).hasMessageContaining("does not start with the camel-webwork state header");

        file.write(ENTRIES);
        String good = Files.readString(path);
        Files.writeString(path, good.substring(0, good.lastIndexOf('\n', good.length() - 2) + 1));
        assertThatThrownBy(file::read).as("a whole line missing")
                .hasMessageContaining("cut short: its header announces 4 entries, 3 are there");
        Files.writeString(path, good.replace("2026-12-06", "2026-12-07"));
        assertThatThrownBy(file::read).hasMessageContaining("line 3 does not match its checksum");
        Files.writeString(path, good.replace("test-state", "test-other"));
        assertThatThrownBy(file::read).hasMessageContaining("header line does not match its checksum");

        StateFile.of(path, "other-state", "other").write(ENTRIES);
        assertThatThrownBy(file::read).hasMessageContaining("it holds other-state state, not test-state state");
    }

    @Test
    void everySingleFlippedBitIsDetected() throws Exception {
        StateFile file = file();
        file.write(ENTRIES);
        byte[] good = Files.readAllBytes(file.path());
        for (int i = 0; i < good.length; i++) {
            for (int bit = 0; bit < 8; bit++) {
                byte[] bad = good.clone();
                bad[i] ^= (byte) (1 << bit);
                Files.write(file.path(), bad);
                int at = i;
                int flipped = bit;
                assertThatThrownBy(file::read).as("byte %d bit %d", at, flipped)
                        .isInstanceOf(InvalidStateException.class);
            }
        }
    }

    @Test
    void aLogGrowsByAppendsAndDropsOnlyACutLastAppendWithAWarning() throws Exception {
        StateFile file = file().appendable();
        file.write(ENTRIES.subList(0, 2));
        file.append("k=appended");
        file.append("k=cut by a crash");
        assertThat(file.read().map(StateFile.Contents::entries))
                .contains(List.of(ENTRIES.get(0), ENTRIES.get(1), "k=appended", "k=cut by a crash"));

        byte[] bytes = Files.readAllBytes(file.path());
        Files.write(file.path(), Arrays.copyOf(bytes, bytes.length - 5));

        assertThat(file.read().map(StateFile.Contents::entries))
                .contains(List.of(ENTRIES.get(0), ENTRIES.get(1), "k=appended"));
        assertThat(log.text()).contains("The last entry of the test state file " + file.path()
                                        + " (line 5) is cut short");

        Files.write(file.path(), Arrays.copyOf(bytes, 60));
        assertThatThrownBy(file::read).as("cut inside what was written whole")
                .hasMessageContaining("cut short in line 2");
    }

    @Test
    void aLegacyFileIsReadOnceThroughItsFormatAndAFormatItRefusesIsInvalid() throws Exception {
        StateFile file = file().legacy("old key=value", text -> {
            List<String> lines = StateFile.of(dir.resolve("x"), "x", "x").legacyLines(text);
            if (!lines.stream().allMatch(l -> l.contains("="))) {
                throw new IllegalArgumentException("a line is not key=value");
            }
            return lines;
        });
        Files.writeString(file.path(), "a=1\nb=2\n");
        assertThat(file.read()).contains(new StateFile.Contents(List.of("a=1", "b=2"), true));
        assertThat(log.text()).contains("is in the old key=value format of an earlier version: 2 entries read");

        Files.writeString(file.path(), "a=1\nnonsense\n");
        assertThatThrownBy(file::read).hasMessageContaining("no old key=value file of an earlier version either "
                                                            + "(a line is not key=value)");

        file.write(List.of("a=1", "b=2"));
        Files.writeString(file.path(), Files.readString(file.path()).replace("# camel-webwork", "# camel-webwXrk"));
        assertThatThrownBy(file::read).as("a damaged header is not taken for the old format")
                .hasMessageContaining("does not start with the camel-webwork state header");
    }

    @Test
    void aDamagedFileIsSetAsideWithoutOverwritingAnEarlierOne() throws Exception {
        StateFile file = file();
        Files.writeString(file.path(), "first");
        assertThat(file.setAside()).isEqualTo(dir.resolve("test.state.invalid"));
        Files.writeString(file.path(), "second");
        assertThat(file.setAside()).isEqualTo(dir.resolve("test.state.invalid.1"));
        assertThat(Files.readString(dir.resolve("test.state.invalid"))).isEqualTo("first");
        assertThat(file.path()).doesNotExist();
    }

    @Test
    void anOwnerOnlyFileIsCreatedOwnerOnly() throws Exception {
        StateFile file = file().ownerOnly();
        file.write(List.of("secret=1"));
        Optional<String> posix = Optional.of(file.path()).filter(
                p -> p.getFileSystem().supportedFileAttributeViews().contains("posix")).map(p -> {
                    try {
                        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
        posix.ifPresent(permissions -> assertThat(permissions).isEqualTo("rw-------"));
        assertThat(new String(Files.readAllBytes(file.path()), StandardCharsets.UTF_8)).contains("secret=1");
    }
}
