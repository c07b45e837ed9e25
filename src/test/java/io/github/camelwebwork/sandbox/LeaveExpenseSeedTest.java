package io.github.camelwebwork.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The seed's leave policies, leaves, expense categories and expenses (§7.11, §7.12). */
class LeaveExpenseSeedTest {

    private static final Instant WEDNESDAY = Instant.parse("2024-05-15T15:00:00Z");

    @Test
    void readsTheDefaultSeed() {
        SandboxState state = state(WEDNESDAY);

        assertThat(state.leavePolicies(1)).extracting(SandboxLeavePolicy::name)
                .containsExactly("Annual leave", "Sick leave", "Unpaid leave", "Doctor appointment");
        assertThat(state.leavePolicies(2)).hasSize(1);
        assertThat(state.leaves(1)).hasSize(7);
        assertThat(state.leaves(1)).extracting(SandboxLeave::status).containsOnly("pending", "approved", "rejected");
        assertThat(state.expenseCategories(1)).extracting(SandboxExpenseCategory::name)
                .containsExactly("Travel", "Software", "Meals", "Equipment");
        assertThat(state.expenses(1)).hasSize(5);
        assertThat(state.expenses(2)).hasSize(1);
        SandboxLeave doctor = state.leave(LeavesApiTest.TOM_DOCTOR).orElseThrow();
        assertThat(doctor.startTime()).hasToString("09:00");
        assertThat(doctor.hoursPerDay()).isEqualTo(2.0);
        assertThat(doctor.createdAt()).isEqualTo(Instant.parse("2024-05-14T08:20:00Z"));
    }

    @Test
    void movesLeavesAndExpensesToTheClocksWeek() {
        SandboxState later = state(Instant.parse("2024-07-03T10:00:00Z")); // seven weeks on

        SandboxLeave priya = later.leave(LeavesApiTest.PRIYA_ANNUAL).orElseThrow();
        assertThat(priya.startDate()).isEqualTo(LocalDate.of(2024, 5, 20));
        assertThat(priya.startDate().getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
        assertThat(priya.createdAt()).isEqualTo(Instant.parse("2024-04-29T08:15:00Z"));
        SandboxLeave doctor = later.leave(LeavesApiTest.TOM_DOCTOR).orElseThrow();
        assertThat(doctor.startDate()).isEqualTo(LocalDate.of(2024, 7, 9)); // still next Tuesday, still pending
        assertThat(doctor.isPending()).isTrue();
        assertThat(later.expense(ExpensesApiTest.TRAIN).orElseThrow().date()).isEqualTo(LocalDate.of(2024, 6, 11));
        assertThat(later.leavePolicies(1)).hasSize(4); // policies and categories are not dated
    }

    @Test
    void approvedLeavesNeverClashWithGeneratedTime() {
        for (Instant now : new Instant[] {WEDNESDAY, Instant.parse("2025-01-06T00:30:00Z"),
            Instant.parse("2026-03-01T23:00:00Z")}) {
            SandboxState state = state(now);
            state.leaves(1).stream().filter(SandboxLeave::isApproved).forEach(leave ->
                    assertThat(state.timeEntries(1)).noneMatch(e -> e.userId() == leave.userId()
                            && leave.covers(e.date())));
        }
    }

    @Test
    void aSeedWithoutTheKeysHasNone() {
        String json = "{\"users\":[{\"id\":1,\"firstname\":\"A\",\"lastname\":\"B\",\"email\":\"a@b.example\"}],"
                + "\"workspaces\":[{\"id\":7,\"workspace_name\":\"Solo\",\"owner_id\":1}]}";
        Seed seed = Seed.fromJson(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
        try (WebworkSandbox sandbox = WebworkSandbox.builder().seed(seed).build().start()) {
            SandboxClient client = new SandboxClient(sandbox);
            assertThat(client.get("/leaves/policies?workspace_id=7").data()).isEmpty();
            assertThat(client.get("/expenses/categories?workspace_id=7").data()).isEmpty();
            assertThat(client.get("/leaves?workspace_id=7").data()).isEmpty();
            assertThat(client.get("/expenses?workspace_id=7").data()).isEmpty();
        }
        assertThat(Seed.empty().leavesAndExpenses().leaves()).isEmpty();
    }

    private static SandboxState state(Instant now) {
        return SandboxState.of(Seed.defaultWorkspace(), Clock.fixed(now, ZoneOffset.UTC));
    }
}
