package io.github.camelwebwork.livecheck;

/** Replaces the token wherever a text might carry it: report, console, exception messages. */
final class Masking {

    static final String MASK = "****";

    private final String token;

    Masking(String token) {
        this.token = token;
    }

    String mask(String text) {
        if (text == null || token == null || token.isEmpty()) {
            return text;
        }
        return text.replace(token, MASK);
    }
}
