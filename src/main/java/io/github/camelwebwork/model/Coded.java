package io.github.camelwebwork.model;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import com.fasterxml.jackson.annotation.JacksonAnnotationsInside;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

/**
 * An integer field that carries a code of {@link #value()}. A code the enumeration does not know is a drift: the lenient
 * reader keeps it in the field and logs it (house rule H4), {@code strictModels=true} fails the call.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.FIELD, ElementType.METHOD })
@JacksonAnnotationsInside
@JsonDeserialize(using = CodeDeserializer.class)
public @interface Coded {

    Class<? extends CodedValue> value();
}
