package io.github.camelwebwork.model;

import java.io.IOException;
import java.util.Arrays;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;

/**
 * Reads a {@link Coded} integer. An unknown code is kept (house rule H4), as by a plain mapper, unless the reader asks
 * for a check ({@link #CHECK_CODES}, the component's readers): then it goes to
 * {@link DeserializationContext#handleWeirdNumberValue} with {@link #UNKNOWN_CODE}, where a problem handler keeps and
 * logs it (the lenient reader) or, with no handler ({@code strictModels=true}), the read fails. A known code costs one
 * scan of a few ints.
 */
public class CodeDeserializer extends StdDeserializer<Integer> implements ContextualDeserializer {

    /** The failure message of an unknown code, by which a problem handler tells it from other number problems. */
    public static final String UNKNOWN_CODE = "not a known code";

    /** The deserialization attribute (any value) under which an unknown code is reported instead of kept silently. */
    public static final String CHECK_CODES = "webwork.checkCodes";

    private static final long serialVersionUID = 1L;

    private final int[] codes;
    private final String names;

    public CodeDeserializer() {
        this(null, null);
    }

    private CodeDeserializer(int[] codes, String names) {
        super(Integer.class);
        this.codes = codes;
        this.names = names;
    }

    @Override
    public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) {
        Coded coded = property == null ? null : property.getAnnotation(Coded.class);
        if (coded == null) {
            return this;
        }
        CodedValue[] values = coded.value().getEnumConstants();
        return new CodeDeserializer(Arrays.stream(values).mapToInt(CodedValue::code).toArray(),
                coded.value().getSimpleName() + " (" + Codes.describe(values) + ")");
    }

    @Override
    public Integer deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        Integer code = p.currentToken() == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT
                ? Integer.valueOf(p.getIntValue()) : ctxt.readValue(p, Integer.class);
        if (code == null || codes == null || known(code) || ctxt.getAttribute(CHECK_CODES) == null) {
            return code;
        }
        return (Integer) ctxt.handleWeirdNumberValue(Integer.class, code, UNKNOWN_CODE + " of " + names);
    }

    private boolean known(int code) {
        for (int c : codes) {
            if (c == code) {
                return true;
            }
        }
        return false;
    }
}
