package io.github.camelwebwork.livecheck;

/** A request and an excerpt of its answer, the token masked: what a refuted fact is shown with. */
public record Evidence(String request, int status, String excerpt) {

    @Override
    public String toString() {
        return request + " -> HTTP " + status + ": " + excerpt;
    }
}
