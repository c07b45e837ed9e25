package io.github.camelwebwork.sandbox.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * An operation that also takes an {@code application/x-www-form-urlencoded} body (§2: webhook create and
 * update). Register it with a cast, {@code router.add("POST", "/webhooks", (FormApiHandler) this::create)}; the
 * form reaches the handler as the JSON object {@link #toJson} makes of it, so handlers read one body type.
 */
@FunctionalInterface
public interface FormApiHandler extends ApiHandler {

    Pattern INTEGER = Pattern.compile("-?\\d{1,18}");

    /**
     * PHP's reading of a form: {@code name[]=a&name[]=b} is an array, a repeated plain name keeps its last value.
     * Form values carry no types, and Laravel's integer rule accepts numeric strings, so integer-looking values
     * become JSON integers (e.g. {@code workspace_id=1}).
     */
    static ObjectNode toJson(String form) {
        ObjectNode body = Json.object();
        Map<String, List<String>> fields = QueryString.parse(form);
        fields.forEach((name, values) -> {
            if (name.endsWith("[]")) {
                ArrayNode array = body.putArray(name.substring(0, name.length() - 2));
                values.forEach(array::add);
            } else {
                String value = values.get(values.size() - 1);
                if (INTEGER.matcher(value).matches()) {
                    body.put(name, Long.parseLong(value));
                } else {
                    body.put(name, value);
                }
            }
        });
        return body;
    }
}
