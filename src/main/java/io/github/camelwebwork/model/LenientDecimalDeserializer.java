package io.github.camelwebwork.model;

import java.io.IOException;
import java.math.BigDecimal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;

/**
 * Reads a figure whose wire form is not documented, such as a report's {@code activity_level}: a number, a numeric
 * string, or a percentage string like {@code "56%"} become a {@link BigDecimal}; anything else (another string, an
 * object, an array) becomes null instead of failing the whole answer (house rule H4).
 */
public class LenientDecimalDeserializer extends StdDeserializer<BigDecimal> {

    private static final long serialVersionUID = 1L;

    public LenientDecimalDeserializer() {
        super(BigDecimal.class);
    }

    @Override
    public BigDecimal deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
            return p.getDecimalValue();
        }
        if (t == JsonToken.VALUE_STRING) {
            return parse(p.getText());
        }
        p.skipChildren();
        return null;
    }

    /** The number in {@code text} ("56", " 56.5 ", "56%"), or null. */
    static BigDecimal parse(String text) {
        String s = text.trim();
        if (s.endsWith("%")) {
            s = s.substring(0, s.length() - 1).trim();
        }
        if (s.isEmpty()) {
            return null;
        }
        try {
            return new BigDecimal(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
