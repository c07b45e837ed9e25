package io.github.camelwebwork.livecheck;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelwebwork.client.ApiRequest;
import io.github.camelwebwork.operation.OperationCatalogue;
import io.github.camelwebwork.operation.OperationDef;
import io.github.camelwebwork.operation.ParameterSource;
import io.github.camelwebwork.operation.RequestResolver;

/** What every fact group works from: the probe, the workspace, the sweep's reads. */
record CheckRun(Probe probe, long workspaceId, List<Read> reads, ObjectMapper mapper, Clock clock) {

    Optional<Read> read(String resource, String operation) {
        return reads.stream().filter(r -> r.op().resource().equals(resource) && r.op().name().equals(operation))
                .findFirst();
    }

    /** The request the component would send for {@code resource.operation} with these options (and body). */
    ApiRequest request(String resource, String operation, Map<String, Object> options, Object body) {
        OperationDef op = OperationCatalogue.require(resource, operation);
        ParameterSource source = options::get;
        return new RequestResolver(mapper, clock).resolve(op, source, Map.of(), body).request();
    }

    Evidence evidence(Answer answer) {
        return answer.evidence(probe.masking());
    }
}
