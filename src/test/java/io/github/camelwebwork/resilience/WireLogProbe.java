package io.github.camelwebwork.resilience;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.github.camelwebwork.component.WebworkComponent;
import io.github.camelwebwork.model.Webhook;
import io.github.camelwebwork.sandbox.SandboxSecrets;
import io.github.camelwebwork.sandbox.WebworkSandbox;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Run by {@link WireLogSecretsTest} in a JVM of its own with every logger at TRACE: a bearer call, an OAuth2
 * client-credentials token and a call with it, and a webhook registration (whose answer carries its signing token).
 * The sandbox writes every secret it issued to {@code webwork.secrets.file}; the webhook's token is added.
 */
public final class WireLogProbe {

    private WireLogProbe() {
    }

    public static void main(String[] args) throws Exception {
        Path tokens = Files.createTempDirectory("wire-log-tokens");
        try (WebworkSandbox sandbox = WebworkSandbox.builder().noRateLimit()
                .oauthClient("wire-app", SandboxSecrets.remember("wire-app-secret-7c1d"), 100).build().start()) {
            CamelContext context = new DefaultCamelContext();
            WebworkComponent bearer = new WebworkComponent();
            bearer.getConfiguration().setBaseUrl(sandbox.baseUrl());
            bearer.getConfiguration().setAccessToken(sandbox.token());
            context.addComponent("webwork", bearer);
            WebworkComponent oauth = new WebworkComponent();
            oauth.getConfiguration().setBaseUrl(sandbox.baseUrl());
            oauth.getConfiguration().setTokenUrl(sandbox.tokenUrl());
            oauth.getConfiguration().setClientId("wire-app");
            oauth.getConfiguration().setClientSecret("wire-app-secret-7c1d");
            oauth.getConfiguration().setTokenStoreDirectory(tokens.toString());
            context.addComponent("webwork-oauth", oauth);
            context.start();
            ProducerTemplate template = context.createProducerTemplate();
            template.requestBody("webwork:tasks?operation=list&workspaceId=1&projectId=100", null, List.class);
            Webhook hook = template.requestBody("webwork:webhooks?operation=create&workspaceId=1"
                                                + "&url=https://hooks.example.com/wire&events=tracker.started", null,
                    Webhook.class);
            SandboxSecrets.remember(hook.getToken());
            template.requestBody("webwork-oauth:tasks?operation=list&workspaceId=1&projectId=100", null, List.class);
            context.stop();
        }
        System.out.println("wire-log probe done");
    }
}
