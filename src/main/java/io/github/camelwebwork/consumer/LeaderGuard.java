package io.github.camelwebwork.consumer;

import java.util.Optional;

import org.apache.camel.CamelContext;
import org.apache.camel.DelegateEndpoint;
import org.apache.camel.Endpoint;
import org.apache.camel.Route;
import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.support.cluster.ClusterServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A change-capture consumer behind {@code master:<namespace>:} scans and emits only while this instance leads the
 * namespace. camel-master starts and stops the consumer on the cluster view's leadership events, and camel-zookeeper
 * 4.18.0 sends none when a leader loses its ZooKeeper session or connection: the standby takes the lock while the
 * former leader's consumers keep running, and both would scan and publish every change. The guard asks the cluster
 * service before each poll, each change and each webhook event (trigger=webhook: refused, so WebWork sends it again) ({@link CamelClusterService#isLeader(String)}: a read, no view of its own,
 * nothing to release); a consumer that is not behind {@code master:} is never refused.
 */
final class LeaderGuard {

    private static final Logger LOG = LoggerFactory.getLogger(LeaderGuard.class);
    static final LeaderGuard NONE = new LeaderGuard(null, null, null, null);

    private final CamelContext context;
    private final CamelClusterService service;
    private final String namespace;
    private final String consumer;
    private volatile boolean refusing;

    private LeaderGuard(CamelContext context, CamelClusterService service, String namespace, String consumer) {
        this.context = context;
        this.service = service;
        this.namespace = namespace;
        this.consumer = consumer;
    }

    /** The guard of the consumer of {@code endpoint}: the namespace of the master: route it is the delegate of. */
    static LeaderGuard of(Endpoint endpoint, String consumer) {
        CamelContext context = endpoint.getCamelContext();
        for (Route route : context.getRoutes()) {
            Endpoint from = route.getEndpoint();
            if (from instanceof DelegateEndpoint delegate && delegate.getEndpoint() == endpoint) {
                String namespace = masterNamespace(from.getEndpointUri());
                Optional<CamelClusterService> service = namespace == null ? Optional.empty()
                        : ClusterServiceHelper.lookupService(context);
                if (service.isPresent()) {
                    return new LeaderGuard(context, service.get(), namespace, consumer);
                }
            }
        }
        return NONE;
    }

    /** {@code master:ns:uri} or {@code master://ns:uri} to ns; null for any other URI. */
    static String masterNamespace(String uri) {
        if (uri == null || !uri.startsWith("master:")) {
            return null;
        }
        String rest = uri.substring("master:".length());
        if (rest.startsWith("//")) {
            rest = rest.substring(2);
        }
        int colon = rest.indexOf(':');
        return colon > 0 ? rest.substring(0, colon) : null;
    }

    /** Whether the consumer may scan and emit now; logs once when it finds itself left running, and once when it leads again. */
    boolean leads() {
        if (service == null) {
            return true;
        }
        boolean leads = service.isLeader(namespace);
        if (leads && refusing) {
            refusing = false;
            LOG.info("{}: this instance leads {} again; scans resume", consumer, namespace);
        } else if (!leads && !refusing && !context.isStopping()) {
            // (a stopping context releases the view before it stops its consumers: nothing to say then)
            refusing = true;
            LOG.warn("{} runs behind master:{} while this instance does not lead {} (its cluster service did not stop it,"
                     + " as camel-zookeeper 4.18.0 does not after a lost session): it scans and emits nothing until this"
                     + " instance leads again", consumer, namespace, namespace);
        }
        return leads;
    }
}
