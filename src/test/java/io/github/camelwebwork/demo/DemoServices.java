package io.github.camelwebwork.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.github.camelwebwork.jira.JiraEmulator;
import io.github.camelwebwork.sandbox.WebworkSandbox;
import io.github.camelwebwork.support.EmbeddedKafka;
import io.github.camelwebwork.support.EmbeddedMail;
import org.apache.camel.main.DefaultMainShutdownStrategy;
import org.apache.camel.main.Main;

/**
 * What the demo runs, and the one order it stops in: Camel first, since its routes call every other service and
 * none of them should see a peer vanish; then the Kafka broker, whose log directory goes only once it has stopped;
 * then the servers nothing calls any more (mail, the WebWork sandbox, the Jira emulator). {@link #close()} is safe
 * to call twice and from a shutdown hook: the first call stops everything, a later one returns at once.
 */
final class DemoServices implements AutoCloseable {

    private final WebworkSandbox sandbox;
    private final EmbeddedKafka kafka;
    private final EmbeddedMail mail;
    private final JiraEmulator jira;
    private final Consumer<String> say;
    private Main camel;
    private boolean closed;

    private DemoServices(WebworkSandbox sandbox, EmbeddedKafka kafka, EmbeddedMail mail, JiraEmulator jira,
                         Consumer<String> say) {
        this.sandbox = sandbox;
        this.kafka = kafka;
        this.mail = mail;
        this.jira = jira;
        this.say = say;
    }

    /** Starts the servers; when one fails, stops those already started and throws. */
    static DemoServices start(WebworkSandbox.Builder sandbox, JiraEmulator jira, Consumer<String> say) {
        List<AutoCloseable> started = new ArrayList<>();
        try {
            jira.start();
            started.add(jira);
            WebworkSandbox webwork = sandbox.build().start();
            started.add(webwork);
            EmbeddedMail mail = EmbeddedMail.start();
            started.add(mail);
            EmbeddedKafka kafka = EmbeddedKafka.start();
            return new DemoServices(webwork, kafka, mail, jira, say);
        } catch (RuntimeException e) {
            for (int i = started.size() - 1; i >= 0; i--) {
                try {
                    started.get(i).close();
                } catch (Exception suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw e;
        }
    }

    WebworkSandbox sandbox() {
        return sandbox;
    }

    EmbeddedKafka kafka() {
        return kafka;
    }

    EmbeddedMail mail() {
        return mail;
    }

    JiraEmulator jira() {
        return jira;
    }

    /** Starts Camel Main with these properties; it is stopped by {@link #close()}, not by a hook of its own. */
    synchronized Main startCamel(Map<String, String> properties, Map<String, Object> beans) throws Exception {
        Main main = new Main();
        beans.forEach(main::bind);
        if (main.getShutdownStrategy() instanceof DefaultMainShutdownStrategy strategy) {
            strategy.disableHangupSupport();            // its hook would stop Camel alongside ours, in no order
        }
        properties.forEach(main::addInitialProperty);
        camel = main;
        main.start();
        return main;
    }

    synchronized boolean isClosed() {
        return closed;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (camel != null) {
            stop("Camel (every route)", camel::stop);
        }
        stop("the Kafka broker, then deleted its log directory", kafka::close);
        stop("the mail server", mail::close);
        stop("the WebWork sandbox", sandbox::close);
        stop("the Jira emulator", jira::close);
    }

    private void stop(String what, AutoCloseable service) {
        try {
            service.close();
            say.accept("  stopped " + what);
        } catch (Exception e) {
            say.accept("  could not stop " + what + ": " + e);
        }
    }
}
