package io.github.camelwebwork.sandbox;

import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelwebwork.sandbox.http.ApiHandler;
import io.github.camelwebwork.sandbox.http.ApiResponse;

/**
 * Answers in shapes the reference does not promise, as snapshots of the live API disagree (issue 17): each case rewrites
 * the {@code data} of the answers to the paths it matches, after the API has handled the request normally (state
 * changes as usual). Switched on by {@link WebworkSandbox#drift(Drift...)} or {@link WebworkSandbox.Builder#drift}.
 */
public enum Drift {

    /** §7.3 {@code status} (an integer, "e.g. 1") comes as {@code "active"} on every project answer. */
    PROJECT_STATUS_AS_STRING("/projects(/\\d+)?", record -> record.put("status", "active")),
    /** §7.5 a task {@code status} code the reference does not list (40) on every task answer. */
    TASK_STATUS_UNKNOWN_CODE("/tasks(/\\d+)?", record -> record.put("status", 40)),
    /** §7.5 {@code title} (a confirmed string) comes as an object of translations. */
    TASK_TITLE_AS_OBJECT("/tasks(/\\d+)?",
            record -> record.putObject("title").put("en", record.path("description").asText("task"))),
    /** H8 an expense category's {@code name} (inferred) comes as an object of translations. */
    CATEGORY_NAME_AS_OBJECT("/expenses/categories", record -> {
        String name = record.path("name").asText();
        record.putObject("name").put("en", name);
    }),
    /** §7.14 a per-user report's {@code data} is an object whose page of users is not under {@code users}. */
    REPORT_DATA_OBJECT_WITHOUT_USERS("/reports/(daily-timeline|activity-level|task-report|daily-attendance)", null) {
        @Override
        JsonNode apply(JsonNode data) {
            if (data instanceof ObjectNode report && report.has("users")) {
                report.set("members", report.remove("users"));
            }
            return data;
        }
    };

    private final Pattern path;
    private final Consumer<ObjectNode> onRecord;

    Drift(String path, Consumer<ObjectNode> onRecord) {
        this.path = Pattern.compile(path);
        this.onRecord = onRecord;
    }

    /** The answer's data as this case drifts it: each record of a list, or the one object. */
    JsonNode apply(JsonNode data) {
        if (data.isArray()) {
            data.forEach(this::applyToRecord);
        } else {
            applyToRecord(data);
        }
        return data;
    }

    private void applyToRecord(JsonNode record) {
        if (record instanceof ObjectNode object) {
            onRecord.accept(object);
        }
    }

    /** A handler that answers as {@code handler} does, drifted by the cases switched on at the time of the request. */
    static ApiHandler wrap(ApiHandler handler, AtomicReference<Set<Drift>> cases) {
        return request -> {
            ApiResponse response = handler.handle(request);
            JsonNode data = response.data();
            for (Drift drift : cases.get()) {
                if (data != null && drift.path.matcher(request.path()).matches()) {
                    data = drift.apply(data);
                }
            }
            return new ApiResponse(response.status(), response.message(), data, response.pagination(),
                    response.extra());
        };
    }

    /** No case. */
    static Set<Drift> none() {
        return EnumSet.noneOf(Drift.class);
    }
}
