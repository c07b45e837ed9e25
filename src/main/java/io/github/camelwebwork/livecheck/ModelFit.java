package io.github.camelwebwork.livecheck;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.AnnotationIntrospector;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyName;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import io.github.camelwebwork.model.WebworkModel;

/**
 * How the records of an answer fit a model class, field by field as Jackson reads it: the model's fields no record
 * has, the records' fields the model does not declare (kept in additionalProperties, H4), and fields of another JSON
 * type than the model's (a text where a number is declared ...). Nested models are followed ({@code tags[].name}).
 */
final class ModelFit {

    private static final int MAX_DEPTH = 4;

    private final ObjectMapper mapper;
    private final Set<String> declared = new TreeSet<>();
    private final Set<String> seen = new TreeSet<>();
    private final Set<String> extra = new TreeSet<>();
    private final Map<String, String> otherType = new TreeMap<>();
    private int records;

    ModelFit(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    ModelFit record(JsonNode record, Class<?> model) {
        records++;
        bean(record, mapper.constructType(model), "", 0);
        return this;
    }

    int records() {
        return records;
    }

    /** Fields of the model that no record had (nested ones only where their parent was there). */
    Set<String> missing() {
        Set<String> missing = new TreeSet<>(declared);
        missing.removeAll(seen);
        return missing;
    }

    Set<String> extra() {
        return extra;
    }

    /** Field → "number expected, got STRING". */
    Map<String, String> otherType() {
        return otherType;
    }

    private void bean(JsonNode node, JavaType type, String prefix, int depth) {
        List<BeanPropertyDefinition> properties = mapper.getDeserializationConfig().introspect(type).findProperties();
        AnnotationIntrospector annotations = mapper.getDeserializationConfig().getAnnotationIntrospector();
        Set<String> names = new TreeSet<>();
        for (BeanPropertyDefinition property : properties) {
            if (!property.hasSetter() && !property.hasConstructorParameter()) {
                continue;                       // read-only: written, never read (additionalProperties too)
            }
            List<String> wireNames = new ArrayList<>(List.of(property.getName()));
            List<PropertyName> aliases = annotations.findPropertyAliases(property.getPrimaryMember());
            if (aliases != null) {
                aliases.forEach(alias -> wireNames.add(alias.getSimpleName()));
            }
            names.addAll(wireNames);
            declared.add(prefix + property.getName());
            String wireName = wireNames.stream().filter(node::has).findFirst().orElse(null);
            if (wireName != null) {
                seen.add(prefix + property.getName());
                if (annotations.findDeserializer(property.getPrimaryMember()) == null) {
                    value(node.get(wireName), property.getPrimaryType(), prefix + wireName, depth);
                }                               // else the model reads several shapes with its own deserializer
            }
        }
        node.fieldNames().forEachRemaining(name -> {
            if (!names.contains(name)) {
                extra.add(prefix + name);
            }
        });
    }

    private void value(JsonNode value, JavaType type, String path, int depth) {
        if (value.isNull() || depth > MAX_DEPTH) {
            return;
        }
        Class<?> raw = type.getRawClass();
        String expected = expected(value, type);
        if (expected != null) {
            otherType.putIfAbsent(path, expected + " expected, got " + value.getNodeType());
        } else if (Collection.class.isAssignableFrom(raw) && type.getContentType() != null) {
            value.forEach(element -> value(element, type.getContentType(), path + "[]", depth + 1));
        } else if (WebworkModel.class.isAssignableFrom(raw)) {
            bean(value, type, path + ".", depth + 1);
        }
    }

    /** The JSON type the model expects where {@code value} is not of it, or null when it fits. */
    private String expected(JsonNode value, JavaType type) {
        Class<?> raw = type.getRawClass();
        if (raw == String.class) {
            return value.isTextual() ? null : "text";
        }
        if (raw == BigDecimal.class) {
            return value.isNumber() || value.isTextual() && isDecimal(value.asText()) ? null : "number";
        }
        if (Number.class.isAssignableFrom(raw) || raw.isPrimitive() && raw != boolean.class) {
            return value.isNumber() ? null : "number";
        }
        if (raw == Boolean.class || raw == boolean.class) {
            return value.isBoolean() ? null : "boolean";
        }
        if (Collection.class.isAssignableFrom(raw) || raw.isArray()) {
            return value.isArray() ? null : "array";
        }
        if (Map.class.isAssignableFrom(raw) || WebworkModel.class.isAssignableFrom(raw)) {
            return value.isObject() ? null : "object";
        }
        if (JsonNode.class.isAssignableFrom(raw) || raw == Object.class) {
            return null;
        }
        try {
            mapper.treeToValue(value, type);    // enums, coded values, dates: as the model reads them
            return null;
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return raw.getSimpleName();
        }
    }

    private static boolean isDecimal(String text) {
        try {
            new BigDecimal(text);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
