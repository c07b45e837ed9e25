package io.github.camelwebwork.operation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The catalogue's operation of a request on the wire: its method and its path with the ids in place
 * ({@code PUT /tasks/7} is {@code tasks.update}), for what reports requests by operation (the request meters). Derived
 * from the path templates, so that a new operation is known here once it is declared.
 */
public final class OperationPaths {

    private static final Map<String, List<Template>> BY_METHOD = index();

    private OperationPaths() {
    }

    private record Template(Pattern path, OperationDef operation) {
    }

    private static Map<String, List<Template>> index() {
        Map<String, List<Template>> map = new LinkedHashMap<>();
        for (OperationDef op : OperationCatalogue.all()) {
            // {id} stands for one path segment; the rest of the template is literal
            String regex = "\\Q" + op.pathTemplate().replaceAll("\\{[^}/]+}", "\\\\E[^/]+\\\\Q") + "\\E";
            map.computeIfAbsent(op.method(), m -> new ArrayList<>()).add(new Template(Pattern.compile(regex), op));
        }
        // a literal segment wins over an id: /leaves/balances before /leaves/{leaveId}
        map.values().forEach(list -> list.sort((a, b) -> Integer.compare(ids(a), ids(b))));
        return map;
    }

    private static int ids(Template t) {
        return t.operation().pathTemplate().split("\\{", -1).length - 1;
    }

    /** The operation whose method and path template {@code path} (below the base URL, no query) matches. */
    public static Optional<OperationDef> of(String method, String path) {
        for (Template t : BY_METHOD.getOrDefault(method, List.of())) {
            if (t.path().matcher(path).matches()) {
                return Optional.of(t.operation());
            }
        }
        return Optional.empty();
    }
}
