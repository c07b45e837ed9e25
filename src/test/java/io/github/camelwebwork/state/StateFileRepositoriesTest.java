package io.github.camelwebwork.state;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

import io.github.camelwebwork.support.CapturedLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The two Camel repositories over a state file: appends, compaction, restarts, bounds. */
class StateFileRepositoriesTest {

    @TempDir
    Path dir;

    @RegisterExtension
    final CapturedLog log = new CapturedLog();

    private StateFileRepository states(Path file) {
        return new StateFileRepository(StateFile.of(file, "change-capture", "change-capture"));
    }

    @Test
    void stateValuesSurviveARestartAndTheLogIsCompactedWhenItGrows() throws Exception {
        Path file = dir.resolve("s.state");
        StateFileRepository repository = states(file);
        repository.setMaxFileSize(2_000);
        repository.start();
        for (int i = 0; i < 200; i++) {
            repository.setState("key" + (i % 3), "value " + i);
        }
        assertThat(Files.size(file)).as("compacted along the way").isLessThan(4_100);
        Files.writeString(file, "0123abcd key0=cut by a cra", StandardOpenOption.APPEND);

        StateFileRepository restarted = states(file);
        restarted.start();

        assertThat(restarted.getState("key0")).isEqualTo("value 198");
        assertThat(restarted.getState("key2")).isEqualTo("value 197");
        assertThat(log.text()).contains("is cut short, as a crash in the middle of writing it leaves it");
        restarted.stop();
        assertThat(Files.readString(file)).startsWith("# camel-webwork state v1 change-capture lines=3 ");
    }

    @Test
    void aDamagedStateFileFailsTheStartOrWithRecoveryStartsEmptyWithTheFileAside() throws Exception {
        Path file = dir.resolve("s.state");
        StateFileRepository repository = states(file);
        repository.start();
        repository.setState("a", "1");
        repository.stop();
        Files.write(file, Arrays.copyOf(Files.readAllBytes(file), 30));

        assertThatThrownBy(states(file)::start).isInstanceOf(InvalidStateException.class);

        StateFileRepository recovering = states(file);
        recovering.setRecoverInvalid(true);
        recovering.start();
        assertThat(recovering.getState("a")).isNull();
        assertThat(recovering.recoveredFrom()).isPresent();
        assertThat(dir.resolve("s.state.invalid")).exists();
        assertThat(file).doesNotExist();
    }

    @Test
    void keysSurviveARestartAreForgottenOldestFirstAndARemovalIsKept() throws Exception {
        Path file = dir.resolve("keys.dat");
        StateFileIdempotentRepository keys = new StateFileIdempotentRepository(file);
        keys.setCacheSize(3);
        keys.start();
        assertThat(keys.add("k1")).isTrue();
        assertThat(keys.add("k1")).isFalse();
        keys.add("k2");
        keys.add("k3");
        keys.add("k4");
        assertThat(keys.remove("k3")).isTrue();

        StateFileIdempotentRepository restarted = new StateFileIdempotentRepository(file);
        restarted.setCacheSize(3);
        restarted.start();

        assertThat(restarted.contains("k1")).as("the oldest, past cacheSize").isFalse();
        assertThat(restarted.contains("k2")).isTrue();
        assertThat(restarted.contains("k3")).as("removed").isFalse();
        assertThat(restarted.contains("k4")).isTrue();
        assertThat(Files.readString(file)).as("compacted at start").contains("lines=2 ");
    }

    @Test
    void aKeyFilePastItsMaximumSizeKeepsTheNewestKeysInHalfOfIt() throws Exception {
        Path file = dir.resolve("keys.dat");
        StateFileIdempotentRepository keys = new StateFileIdempotentRepository(file);
        keys.setMaxFileStoreSize(2_000);
        keys.start();
        for (int i = 0; i < 300; i++) {
            keys.add("tasks.create:command-" + i);
        }
        assertThat(Files.size(file)).isLessThanOrEqualTo(2_000 + 40);
        assertThat(keys.contains("tasks.create:command-299")).isTrue();
        assertThat(keys.contains("tasks.create:command-0")).isFalse();
        assertThat(log.text()).contains("fill more than half of maxFileStoreSize (2000 bytes)");
    }

    @Test
    void onInvalidStateOfTheKeysIsFailOrNow() {
        StateFileIdempotentRepository keys = new StateFileIdempotentRepository(dir.resolve("k"));
        assertThatThrownBy(() -> keys.setOnInvalidState("snapshot")).hasMessage(
                "onInvalidState of the idempotency keys is fail or now, not 'snapshot'");
    }
}
