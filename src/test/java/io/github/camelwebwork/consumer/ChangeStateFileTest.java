package io.github.camelwebwork.consumer;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.github.camelwebwork.component.WebworkComponent;
import io.github.camelwebwork.sandbox.SandboxTask;
import io.github.camelwebwork.sandbox.WebworkSandbox;
import io.github.camelwebwork.state.InvalidStateException;
import io.github.camelwebwork.support.CapturedLog;
import io.github.camelwebwork.support.Damage;
import io.github.camelwebwork.support.SandboxTestSupport;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static io.github.camelwebwork.consumer.ChangeCaptureTest.changes;
import static io.github.camelwebwork.consumer.ChangeCaptureTest.settle;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The consumer's stateFile (issue 14, item 5): a damaged file is never read as a first run. Project 102 holds 41 tasks
 * (the issue's case); the first start emits them (snapshot=true), then one real change is made while the route is
 * down.
 */
class ChangeStateFileTest extends SandboxTestSupport {

    private static final String FAST = "&delay=40&initialDelay=0";
    private static final int TASKS = 41;

    @TempDir
    Path dir;

    @RegisterExtension
    final CapturedLog log = new CapturedLog();

    private Path stateFile;
    private SandboxTask changed;

    @Override
    protected WebworkSandbox.Builder sandboxBuilder() {
        return WebworkSandbox.builder().rateLimit(3_000, Duration.ofMinutes(1));
    }

    @Override
    protected void configure(WebworkComponent webwork) {
        webwork.getConfiguration().setRateLimit(3_000);
    }

    @Override
    public boolean isUseAdviceWith() {
        return true;
    }

    private String uri(String options) {
        return "webwork:tasks?workspaceId=1&projectId=102&stateFile=" + stateFile + options + FAST;
    }

    private MockEndpoint route(String id, String uri) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId(id).to("mock:" + id);
            }
        });
        context.start();
        return getMockEndpoint("mock:" + id);
    }

    /** 41 tasks emitted and committed; the route stopped (the state written) and one task edited meanwhile. */
    private void firstRunThenOneRealChange() throws Exception {
        stateFile = dir.resolve("tasks.state");
        sandbox.state().addTasks(1, 102, TASKS - sandbox.state().tasks(1, 102).size());
        MockEndpoint first = route("first", uri(""));
        settle(first, TASKS);
        context.getRouteController().stopRoute("first");
        context.removeRoute("first");
        SandboxTask task = sandbox.state().tasks(1, 102).get(7);
        changed = sandbox.state().saveTask(task.toBuilder().title("The one real change").build());
    }

    @Test
    void aValidStateFileRestartsWithExactlyTheRealChange() throws Exception {
        firstRunThenOneRealChange();
        assertThat(Files.readString(stateFile)).startsWith("# camel-webwork state v1 change-capture lines=");

        MockEndpoint again = route("again", uri(""));

        settle(again, 1);
        assertThat(changes(again)).containsExactly("UPDATED 1:tasks:" + changed.id());
    }

    @ParameterizedTest
    @EnumSource(Damage.class)
    void aDamagedStateFileStopsTheStartWithTheFileAndTheWaysOut(Damage damage) throws Exception {
        firstRunThenOneRealChange();
        damage.apply(stateFile);
        byte[] damaged = Files.readAllBytes(stateFile);

        Throwable failure = catchThrowable(() -> route("damaged", uri("")));

        assertThat(rootCause(failure)).isInstanceOf(InvalidStateException.class);
        assertThat(rootCause(failure).getMessage())
                .startsWith("The change-capture state file " + stateFile + " is damaged: ")
                .contains("onInvalidState=now", "onInvalidState=snapshot", "delete the file");
        assertThat(getMockEndpoint("mock:damaged").getReceivedCounter()).as("nothing emitted").isZero();
        assertThat(Files.readAllBytes(stateFile)).as("the damaged file is left as it was").isEqualTo(damaged);
    }

    @Test
    void theIssuesCaseATruncatedStateNeverReEmitsTheFortyOneTasks() throws Exception {
        firstRunThenOneRealChange();
        Damage.EMPTY.apply(stateFile);
        assertThat(rootCause(catchThrowable(() -> route("refused", uri(""))))).hasMessage(rootMessage(stateFile));
        context.removeRoute("refused");

        MockEndpoint now = route("now", uri("&onInvalidState=now"));

        settle(now, 0);
        assertThat(log.text()).contains("Recovering: the file was moved to " + stateFile + ".invalid")
                .contains("webwork:tasks onInvalidState=now: the first scan takes the records that exist as its "
                          + "starting point and emits none");
        assertThat(dir.resolve("tasks.state.invalid")).as("the damaged file is kept").isEmptyFile();
        SandboxTask next = sandbox.state().addTask(1, 102, "Made after the recovery");
        settle(now, 1);
        assertThat(changes(now)).containsExactly("CREATED 1:tasks:" + next.id());
    }

    @Test
    void onInvalidStateSnapshotEmitsEveryRecordThatExistsOnce() throws Exception {
        firstRunThenOneRealChange();
        Damage.RANDOM_BYTES.apply(stateFile);

        MockEndpoint snapshot = route("snapshot", uri("&onInvalidState=snapshot&snapshot=false"));

        settle(snapshot, TASKS);
        assertThat(changes(snapshot)).allMatch(c -> c.startsWith("CREATED 1:tasks:")).doesNotHaveDuplicates();
        assertThat(dir.resolve("tasks.state.invalid")).exists();
    }

    @Test
    void anUnknownOnInvalidStateIsRefusedQuotingIt() {
        stateFile = dir.resolve("tasks.state");
        assertThat(rootCause(catchThrowable(() -> route("typo", uri("&onInvalidState=skip")))))
                .hasMessage("webwork:tasks: onInvalidState is fail, snapshot or now, not 'skip'");
    }

    @Test
    void aFileOfCamelsFileStateRepositoryIsMigratedOnce() throws Exception {
        stateFile = dir.resolve("tasks.state");
        sandbox.state().addTasks(1, 102, TASKS - sandbox.state().tasks(1, 102).size());
        FileStateRepository old = FileStateRepository.fileStateRepository(new File(stateFile.toString()));
        context.getRegistry().bind("old", old);
        MockEndpoint before = route("before", "webwork:tasks?workspaceId=1&projectId=102&stateRepository=#old" + FAST);
        settle(before, TASKS);
        context.getRouteController().stopRoute("before");
        context.removeRoute("before");
        old.stop();
        assertThat(Files.readString(stateFile)).doesNotStartWith("#").contains("1:tasks:");
        SandboxTask task = sandbox.state().tasks(1, 102).get(3);
        SandboxTask edited = sandbox.state().saveTask(task.toBuilder().title("Edited during the upgrade").build());

        MockEndpoint after = route("after", uri(""));

        settle(after, 1);
        assertThat(changes(after)).containsExactly("UPDATED 1:tasks:" + edited.id());
        assertThat(log.text()).contains("The change-capture state file " + stateFile + " is in the Camel "
                                        + "FileStateRepository format of an earlier version");
        assertThat(Files.readString(stateFile)).startsWith("# camel-webwork state v1 change-capture ");
    }

    private static String rootMessage(Path file) {
        return "The change-capture state file " + file + " is damaged: it is empty (0 bytes), which no version "
               + "writes (a lost write or a truncation). It was not read, and nothing was done with it. Ways out: "
               + "onInvalidState=now (the file is moved aside and the first scan takes the records that exist as "
               + "its starting point, emitting none: what changed since the file was last good is not emitted) or "
               + "onInvalidState=snapshot (moved aside; the first scan emits every record that exists as CREATED); "
               + "or delete the file for a first run (snapshot=true).";
    }

    /** The cause of a failed start (Camel may wrap it, or not). */
    private static Throwable rootCause(Throwable t) {
        assertThat(t).as("the start failed").isNotNull();
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }
}
