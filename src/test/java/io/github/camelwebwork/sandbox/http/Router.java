package io.github.camelwebwork.sandbox.http;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * Maps method + path template (e.g. {@code /tasks/{taskId}/assign/{userId}}, relative to {@code /api/v2})
 * to handlers. When several templates fit, the one with the most literal segments wins
 * ({@code /leaves/policies} before {@code /leaves/{leaveId}}).
 */
public final class Router {

    private record Route(String method, String[] segments, ApiHandler handler) {

        int literals() {
            int n = 0;
            for (String s : segments) {
                n += isParam(s) ? 0 : 1;
            }
            return n;
        }
    }

    public sealed interface Match permits Found, MethodNotAllowed, NotFound {
    }

    public record Found(ApiHandler handler, Map<String, String> pathParams) implements Match {
    }

    public record MethodNotAllowed(Set<String> allowed) implements Match {
    }

    public record NotFound() implements Match {
    }

    private final List<Route> routes = new ArrayList<>();

    public Router add(String method, String template, ApiHandler handler) {
        routes.add(new Route(method, template.split("/", -1), handler));
        return this;
    }

    /** The same routes, each handler wrapped (the sandbox's drift switch rewrites their answers). */
    public Router wrapped(UnaryOperator<ApiHandler> wrapper) {
        Router wrapped = new Router();
        routes.forEach(r -> wrapped.routes.add(new Route(r.method(), r.segments(), wrap(r.handler(), wrapper))));
        return wrapped;
    }

    /** A wrapped handler that takes a form body still says so (the form marker is its type). */
    private static ApiHandler wrap(ApiHandler handler, UnaryOperator<ApiHandler> wrapper) {
        ApiHandler wrapped = wrapper.apply(handler);
        return handler instanceof FormApiHandler && !(wrapped instanceof FormApiHandler)
                ? (FormApiHandler) wrapped::handle : wrapped;
    }

    public Match match(String method, String path) {
        String[] segments = path.split("/", -1);
        List<Route> fitting = routes.stream().filter(r -> fits(r, segments)).toList();
        if (fitting.isEmpty()) {
            return new NotFound();
        }
        Optional<Route> best = fitting.stream().filter(r -> r.method().equals(method))
                .max(Comparator.comparingInt(Route::literals));
        if (best.isEmpty()) {
            Set<String> allowed = new TreeSet<>();
            fitting.forEach(r -> allowed.add(r.method()));
            return new MethodNotAllowed(allowed);
        }
        return new Found(best.get().handler(), params(best.get(), segments));
    }

    private static boolean fits(Route route, String[] segments) {
        if (route.segments().length != segments.length) {
            return false;
        }
        for (int i = 0; i < segments.length; i++) {
            String t = route.segments()[i];
            boolean ok = isParam(t) ? !segments[i].isEmpty() : t.equals(segments[i]);
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, String> params(Route route, String[] segments) {
        Map<String, String> params = new HashMap<>();
        for (int i = 0; i < segments.length; i++) {
            String t = route.segments()[i];
            if (isParam(t)) {
                params.put(t.substring(1, t.length() - 1), segments[i]);
            }
        }
        return params;
    }

    private static boolean isParam(String segment) {
        return segment.startsWith("{") && segment.endsWith("}");
    }
}
