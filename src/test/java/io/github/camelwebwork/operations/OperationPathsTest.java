package io.github.camelwebwork.operations;

import java.util.ArrayList;
import java.util.List;

import io.github.camelwebwork.operation.OperationCatalogue;
import io.github.camelwebwork.operation.OperationDef;
import io.github.camelwebwork.operation.OperationPaths;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A request on the wire names its catalogue operation (the request meters' resource and operation tags). */
class OperationPathsTest {

    @Test
    void everyOperationIsFoundByItsMethodAndAPathWithIdsInPlace() {
        List<String> wrong = new ArrayList<>();
        for (OperationDef op : OperationCatalogue.all()) {
            String path = op.pathTemplate().replaceAll("\\{[^}/]+}", "7");
            OperationDef found = OperationPaths.of(op.method(), path).orElse(null);
            // two operations on one method and path (reports told apart by query) share their tags: the first's
            if (found == null || !found.httpCall().equals(op.httpCall())) {
                wrong.add(op.qualifiedName() + " " + op.httpCall() + " -> " + (found == null ? "none"
                        : found.qualifiedName()));
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void aLiteralSegmentWinsOverAnIdAndAnUnknownPathIsNone() {
        assertThat(OperationPaths.of("PUT", "/tasks/7")).map(OperationDef::qualifiedName).contains("tasks.update");
        assertThat(OperationPaths.of("GET", "/leaves/balances")).map(OperationDef::qualifiedName)
                .contains("leaves.balances");
        assertThat(OperationPaths.of("GET", "/nowhere/7")).isEmpty();
        assertThat(OperationPaths.of("PATCH", "/tasks/7")).isEmpty();
    }
}
