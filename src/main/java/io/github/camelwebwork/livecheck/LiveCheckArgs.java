package io.github.camelwebwork.livecheck;

import java.nio.file.Path;
import java.util.Map;

import io.github.camelwebwork.component.WebworkConfiguration;

/**
 * The arguments of a run: {@code --token} (better: the environment variable {@value #TOKEN_ENV}, which no process
 * list shows), {@code --workspace} (default: {@value #WORKSPACE_ENV}, else the token's first workspace),
 * {@code --base-url} (default: {@value #BASE_URL_ENV}, else the production API), {@code --writes},
 * {@code --report <file>} (default {@value #DEFAULT_REPORT}).
 */
record LiveCheckArgs(String token, Long workspaceId, String baseUrl, boolean writes, Path report) {

    static final String TOKEN_ENV = "WEBWORK_ACCESS_TOKEN";
    static final String WORKSPACE_ENV = "WEBWORK_WORKSPACE_ID";
    static final String BASE_URL_ENV = "WEBWORK_BASE_URL";
    static final String DEFAULT_REPORT = "webwork-live-check.md";
    static final String USAGE = "usage: LiveCheck [--token <token>] [--workspace <id>] [--base-url <url>] [--writes] "
                                + "[--report <file>]\n  the token is better given as " + TOKEN_ENV
                                + " (no process list shows it)";

    static LiveCheckArgs parse(String[] args, Map<String, String> env) {
        String token = env.get(TOKEN_ENV);
        String workspace = env.get(WORKSPACE_ENV);
        String baseUrl = env.getOrDefault(BASE_URL_ENV, WebworkConfiguration.DEFAULT_BASE_URL);
        boolean writes = false;
        Path report = Path.of(DEFAULT_REPORT);
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--token" -> token = value(args, ++i);
                case "--workspace" -> workspace = value(args, ++i);
                case "--base-url" -> baseUrl = value(args, ++i);
                case "--report" -> report = Path.of(value(args, ++i));
                case "--writes" -> writes = true;
                default -> throw new LiveCheckException("unknown argument " + (args[i].startsWith("--") ? args[i]
                        : "(a value without its --option)") + "\n" + USAGE);
            }
        }
        if (token == null || token.isBlank()) {
            throw new LiveCheckException("no token: set " + TOKEN_ENV + " (or --token)\n" + USAGE);
        }
        return new LiveCheckArgs(token.trim(), workspace(workspace), baseUrl, writes, report);
    }

    private static String value(String[] args, int i) {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new LiveCheckException(args[i - 1] + " needs a value\n" + USAGE);
        }
        return args[i];
    }

    private static Long workspace(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(text.trim());
        } catch (NumberFormatException e) {
            throw new LiveCheckException("--workspace takes the workspace's integer id, not " + text + "\n" + USAGE);
        }
    }

    @Override
    public String toString() {
        return "LiveCheckArgs[workspace=" + workspaceId + ", baseUrl=" + baseUrl + ", writes=" + writes + ", report="
               + report + "]";
    }
}
