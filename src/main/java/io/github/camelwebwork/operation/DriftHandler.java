package io.github.camelwebwork.operation;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.deser.ValueInstantiator;
import io.github.camelwebwork.model.CodeDeserializer;
import io.github.camelwebwork.model.WebworkModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lenient reader's answer to a value that does not fit its model field (house rule H4). Jackson calls it only on
 * such a problem, so an answer that fits costs nothing more. An unknown code stays in its field; a value of another
 * type in a field the reference marks inferred or unknown ({@link ReferenceMarks}) goes to the model's drifted values
 * and the field stays null; anything else fails the call as before. Each kept value is logged at WARN once per
 * operation and field.
 */
final class DriftHandler extends DeserializationProblemHandler {

    /** The deserialization attribute that names the operation being read, for the WARN. */
    static final String OPERATION = "webwork.operation";

    private static final Logger LOG = LoggerFactory.getLogger(DriftHandler.class);

    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    @Override
    public Object handleWeirdNumberValue(DeserializationContext ctxt, Class<?> targetType, Number value,
                                         String failureMsg) throws IOException {
        if (failureMsg.startsWith(CodeDeserializer.UNKNOWN_CODE)) {
            Field field = field(ctxt.getParser(), false);
            if (field != null) {
                warnOnce(ctxt, field, "the unknown code " + value + " (" + failureMsg + ")",
                        "kept in the field");
            }
            return value;
        }
        return keep(ctxt, value, targetType);
    }

    @Override
    public Object handleWeirdStringValue(DeserializationContext ctxt, Class<?> targetType, String value,
                                         String failureMsg) throws IOException {
        return keep(ctxt, value, targetType);
    }

    @Override
    public Object handleUnexpectedToken(DeserializationContext ctxt, JavaType targetType, JsonToken token,
                                        JsonParser p, String failureMsg) throws IOException {
        if (token != JsonToken.START_OBJECT && token != JsonToken.START_ARRAY && !token.isScalarValue()) {
            return NOT_HANDLED;
        }
        Field field = field(p, token.isStructStart());
        if (field == null || !field.tolerant()) {
            return NOT_HANDLED;
        }
        Object raw = ctxt.readValue(p, Object.class);          // consumes the whole value, as the handler must
        return drift(ctxt, field, raw, targetType.getRawClass());
    }

    /** A scalar where the model declares an object (an inferred {@code total} as {@code "3 days"}). */
    @Override
    public Object handleMissingInstantiator(DeserializationContext ctxt, Class<?> instClass,
                                            ValueInstantiator instantiator, JsonParser p, String msg)
            throws IOException {
        JsonToken token = p.currentToken();
        if (token == null || !token.isScalarValue()) {
            return NOT_HANDLED;
        }
        Field field = field(p, false);
        if (field == null || !field.tolerant()) {
            return NOT_HANDLED;
        }
        return drift(ctxt, field, ctxt.readValue(p, Object.class), instClass);
    }

    private Object keep(DeserializationContext ctxt, Object raw, Class<?> targetType) {
        Field field = field(ctxt.getParser(), false);
        return field == null || !field.tolerant() ? NOT_HANDLED : drift(ctxt, field, raw, targetType);
    }

    private Object drift(DeserializationContext ctxt, Field field, Object raw, Class<?> declared) {
        field.model().putDriftedValue(field.wireName(), raw);
        warnOnce(ctxt, field, "a " + JsonTypes.of(raw) + " where the model declares " + declared.getSimpleName(),
                "kept in getDriftedValues() and the field left null");
        return null;
    }

    private void warnOnce(DeserializationContext ctxt, Field field, String what, String where) {
        Object operation = ctxt.getAttribute(OPERATION);
        String name = field.model().getClass().getSimpleName() + "." + field.wireName();
        if (warned.add(operation + " " + name)) {
            LOG.warn("WebWork {} answered {} with {} (the reference marks it {}); the record is returned, the value {}."
                     + " Read with outputType=map to get the answer as sent, strictModels=true to fail instead."
                     + " Logged once per operation and field.",
                    operation, name, what, ReferenceMarks.of(field.model().getClass(), field.wireName()), where);
        }
    }

    /** The model and wire name being read; null when the value is not a field of a WebWork model. */
    private static Field field(JsonParser p, boolean structStart) {
        JsonStreamContext context = p.getParsingContext();
        if (structStart && context != null) {
            context = context.getParent();          // at START_OBJECT/START_ARRAY the parser is already inside it
        }
        if (context == null || !(context.getCurrentValue() instanceof WebworkModel model)
            || context.getCurrentName() == null) {
            return null;
        }
        return new Field(model, context.getCurrentName());
    }

    private record Field(WebworkModel model, String wireName) {
        boolean tolerant() {
            return ReferenceMarks.of(model.getClass(), wireName).tolerant();
        }
    }
}
