package io.github.camelwebwork.operations;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import io.github.camelwebwork.client.CallSafety;
import io.github.camelwebwork.component.WebworkConfiguration;
import io.github.camelwebwork.component.WebworkEndpoint;
import io.github.camelwebwork.model.WebhookEvent;
import io.github.camelwebwork.operation.OperationCatalogue;
import io.github.camelwebwork.operation.OperationDef;
import io.github.camelwebwork.operation.ScanPartition;
import io.github.camelwebwork.operation.WebhookCoverage;
import io.github.camelwebwork.routes.kafka.CommandValidator;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Operation facts live in the catalogue; what Camel needs as compile-time constants (annotation enums) must equal
 * it, and what is derived from it (call safety, state verbs, consumable lists, commands) is what the API reference
 * says.
 */
class CatalogueFactsTest {

    private static Set<String> split(String enums) {
        return Arrays.stream(enums.split(",")).map(String::trim).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void theOperationOptionsEnumsAreTheCataloguesOperationNames() throws Exception {
        String enums = WebworkConfiguration.class.getDeclaredField("operation").getAnnotation(UriParam.class).enums();
        Set<String> names = OperationCatalogue.all().stream().map(OperationDef::name)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(split(enums)).isEqualTo(names);
    }

    @Test
    void theResourcePathsEnumsAreTheCataloguesResources() throws Exception {
        String enums = WebworkEndpoint.class.getDeclaredField("resource").getAnnotation(UriPath.class).enums();
        assertThat(Arrays.stream(enums.split(",")).map(String::trim).toList())
                .isEqualTo(OperationCatalogue.resources());
    }

    @Test
    void onlyThePostsThatCreateSomethingAreNotIdempotent() {
        Set<String> notIdempotent = OperationCatalogue.all().stream()
                .filter(op -> op.callSafety() == CallSafety.NOT_IDEMPOTENT).map(OperationDef::qualifiedName)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> repeatablePosts = OperationCatalogue.all().stream()
                .filter(op -> "POST".equals(op.method()) && op.callSafety() == CallSafety.IDEMPOTENT)
                .map(OperationDef::qualifiedName).collect(Collectors.toCollection(TreeSet::new));
        assertThat(repeatablePosts).containsExactly("project-viewers.assignProject", "project-viewers.restore",
                "tasks.assign", "time-requests.approve", "time-requests.reject");
        assertThat(notIdempotent).allMatch(name -> OperationCatalogue.all().stream()
                .anyMatch(op -> op.qualifiedName().equals(name) && "POST".equals(op.method())));
        assertThat(notIdempotent).contains("tasks.create", "time-entries.create", "time-tracking.start",
                "time-tracking.stop", "webhooks.create");
    }

    @Test
    void stateVerbsNameTheirTargetStatusAndAReadOperationOfTheirResource() {
        Map<String, String> verbs = new LinkedHashMap<>();
        for (OperationDef op : OperationCatalogue.all()) {
            if (op.stateVerb() != null) {
                OperationDef read = OperationCatalogue.require(op.resource(), op.stateVerb().readOperation());
                assertThat(read.method()).isEqualTo("GET");
                verbs.put(op.qualifiedName(), op.stateVerb().targetStatus() + " by " + read.qualifiedName());
            }
        }
        assertThat(verbs).containsExactlyInAnyOrderEntriesOf(Map.of(
                "timesheets.approve", "approved by timesheets.list",
                "timesheets.reject", "rejected by timesheets.list",
                "timesheets.submit", "submitted by timesheets.list",
                "timesheets.unsubmit", "pending by timesheets.list",
                "time-requests.approve", "approved by time-requests.get",
                "time-requests.reject", "rejected by time-requests.get",
                "leaves.approve", "approved by leaves.list",
                "leaves.reject", "rejected by leaves.list"));
    }

    @Test
    void theConsumableListsAndHowTheyAreScanned() {
        Map<String, ScanPartition> scans = new LinkedHashMap<>();
        OperationCatalogue.all().stream().filter(OperationDef::isConsumable)
                .forEach(op -> scans.put(op.qualifiedName(), op.scan()));
        assertThat(scans).containsOnlyKeys("members.list", "projects.list", "project-viewers.list", "contracts.list",
                "tasks.list", "time-entries.list", "timesheets.list", "time-requests.list", "leaves.list",
                "expenses.list");
        assertThat(scans).containsEntry("tasks.list", ScanPartition.PER_PROJECT)
                .containsEntry("time-entries.list", ScanPartition.PER_MEMBER_AND_DAY);
        assertThat(scans.entrySet().stream().filter(e -> e.getValue() == ScanPartition.WHOLE).count()).isEqualTo(8);
        for (ScanPartition partition : ScanPartition.values()) {
            if (partition.listedResource() != null) {
                assertThat(OperationCatalogue.find(partition.listedResource(), "list")).isPresent();
            }
        }
    }

    /**
     * §8: the member and project events announce every change of those lists, new records included; of the tasks only
     * task.updated is known, so new and deleted tasks are announced by none. Every announced list has a get (the
     * targeted read of trigger=webhook), and every event of §8.1 but the tracker's belongs to one list.
     */
    @Test
    void theListsWhoseChangesWebhookEventsAnnounce() {
        Map<String, WebhookCoverage> announced = new LinkedHashMap<>();
        OperationCatalogue.all().stream().filter(OperationDef::isAnnounced)
                .forEach(op -> announced.put(op.qualifiedName(), op.webhooks()));
        assertThat(announced).containsOnlyKeys("members.list", "projects.list", "tasks.list");
        assertThat(announced.get("members.list").eventNames()).containsExactly("member.invited", "member.updated",
                "member.deleted", "member.activated", "member.archived");
        assertThat(announced.get("projects.list").eventNames()).containsExactly("project.created",
                "project.updated", "project.deleted");
        assertThat(announced.get("tasks.list").eventNames()).containsExactly("task.updated");
        assertThat(announced).allSatisfy((name, coverage) -> assertThat(coverage.announcesNewRecords())
                .as(name).isEqualTo(!name.equals("tasks.list")));
        assertThat(announced.keySet()).allSatisfy(name -> assertThat(
                OperationCatalogue.find(name.substring(0, name.indexOf('.')), "get")).as(name).isPresent());
        Set<String> listed = announced.values().stream().flatMap(c -> c.eventNames().stream())
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> events = Arrays.stream(WebhookEvent.values()).map(WebhookEvent::wireValue)
                .filter(e -> !e.startsWith("tracker.")).collect(Collectors.toCollection(TreeSet::new));
        assertThat(listed).isEqualTo(events);
    }

    @Test
    void scanFiltersAreTheListsQueryOptionsButPagingOrderAndWhatAPartitionSupplies() {
        assertThat(filters("tasks")).containsExactly("projectId", "status", "priority");
        assertThat(filters("time-entries")).containsExactly("userId", "projectId", "taskId");
        assertThat(filters("timesheets")).containsExactlyInAnyOrder("status", "dateFrom", "dateTo", "userId");
    }

    private static List<String> filters(String resource) {
        return OperationCatalogue.require(resource, "list").scanFilters().stream().map(p -> p.option()).toList();
    }

    /** The commands the Kafka route runs, derived from the catalogue, are the ones it documents. */
    @Test
    void theCommandsAreDerivedFromTheCommandableOperations() {
        Map<String, CommandValidator.Spec> s = CommandValidator.SUPPORTED;
        assertThat(s.keySet()).containsExactly("tasks.create", "tasks.update", "time-entries.create",
                "timesheets.approve", "timesheets.reject");
        assertSpec(s.get("tasks.create"), Set.of("projectId"), Set.of(), CommandValidator.BodyRule.REQUIRED,
                List.of("title"), null, Set.of("projectId"));
        assertSpec(s.get("tasks.update"), Set.of("projectId", "taskId"), Set.of(), CommandValidator.BodyRule.REQUIRED,
                List.of(), null, Set.of("projectId", "taskId"));
        assertSpec(s.get("time-entries.create"), Set.of("userId", "date"), Set.of("contractId", "taskId"),
                CommandValidator.BodyRule.REQUIRED, List.of("start_time", "end_time"), null,
                Set.of("userId", "contractId", "taskId"));
        assertSpec(s.get("timesheets.approve"), Set.of("timesheetId"), Set.of(), CommandValidator.BodyRule.NONE,
                List.of(), "approved", Set.of());
        assertSpec(s.get("timesheets.reject"), Set.of("timesheetId", "reason"), Set.of(),
                CommandValidator.BodyRule.NONE, List.of(), "rejected", Set.of());
    }

    private static void assertSpec(CommandValidator.Spec spec, Set<String> required, Set<String> optional,
                                   CommandValidator.BodyRule body, List<String> bodyFields, String target,
                                   Set<String> integerIds) {
        assertThat(spec.required()).isEqualTo(required);
        assertThat(spec.optional()).isEqualTo(optional);
        assertThat(spec.body()).isEqualTo(body);
        assertThat(spec.bodyFields()).isEqualTo(bodyFields);
        assertThat(spec.targetStatus()).isEqualTo(target);
        assertThat(spec.integerIds()).isEqualTo(integerIds);
    }
}
