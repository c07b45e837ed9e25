package io.github.camelwebwork.model;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.BeanPropertyWriter;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;

/**
 * Writes a model property whose value drifted ({@link WebworkModel#getDriftedValues()}) as the raw value the API sent,
 * in the property's place, instead of its null typed value: a model read from a drifted answer writes back what it
 * read.
 */
final class DriftedValueWriter extends BeanPropertyWriter {

    private static final long serialVersionUID = 1L;

    private DriftedValueWriter(BeanPropertyWriter base) {
        super(base);
    }

    /** The module that puts this writer on every property of every {@link WebworkModel}. */
    static Module module() {
        return new SimpleModule("webwork-drifted-values").setSerializerModifier(new BeanSerializerModifier() {
            private static final long serialVersionUID = 1L;

            @Override
            public List<BeanPropertyWriter> changeProperties(SerializationConfig config, BeanDescription description,
                                                             List<BeanPropertyWriter> properties) {
                if (WebworkModel.class.isAssignableFrom(description.getBeanClass())) {
                    properties.replaceAll(DriftedValueWriter::new);
                }
                return properties;
            }
        });
    }

    @Override
    public void serializeAsField(Object bean, JsonGenerator gen, SerializerProvider provider) throws Exception {
        Map<String, Object> drifted = ((WebworkModel) bean).driftedOrNull();
        if (drifted != null && drifted.containsKey(getName())) {
            gen.writeFieldName(getName());
            provider.defaultSerializeValue(drifted.get(getName()), gen);
            return;
        }
        super.serializeAsField(bean, gen, provider);
    }
}
