package io.github.camelwebwork.consumer;

/** The headers of a consumed change (declared, with their documentation, in WebworkConstants). */
public final class ConsumerHeaders {

    public static final String CHANGE_TYPE = "CamelWebworkChangeType";
    public static final String KEY = "CamelWebworkKey";
    public static final String RESOURCE = "CamelWebworkResource";
    public static final String CHANGE_TIME = "CamelWebworkChangeTime";

    private ConsumerHeaders() {
    }
}
