package io.github.camelwebwork.docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Markdown files of the repository (README.md, docs/**, the examples' READMEs, ...) point at what exists: every
 * relative link at a file or folder inside the repository (and at a heading of it when it names an anchor), every
 * class named by its full name at a class, every repository path in backticks at a file.
 */
class DocsLinksTest {

    private static final Path ROOT = Paths.get("").toAbsolutePath().normalize();
    private static final Pattern LINK = Pattern.compile("!?\\[[^\\]]*]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");
    private static final Pattern CODE_SPAN = Pattern.compile("`[^`]*`");
    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern CLASS_NAME = Pattern.compile("io\\.github\\.camelwebwork(?:\\.[a-z][a-z0-9]*)+\\.[A-Z]\\w*");
    /** A path in backticks that names a file of the repository (runtime paths such as target/ are not). */
    private static final Pattern REPO_PATH = Pattern.compile(
            "`((?:src|routes|examples|docs|\\.ci)/[A-Za-z0-9_./-]*|[a-z]+/[A-Z]\\w*\\.java)`");
    private static final List<Path> SOURCE_ROOTS = List.of(Paths.get("src/main/java/io/github/camelwebwork"),
            Paths.get("src/test/java/io/github/camelwebwork"));

    private final Map<Path, Set<String>> anchors = new HashMap<>();

    @Test
    void everyRelativeLinkPointsAtAFileOfTheRepositoryAndAtAHeadingOfIt() throws IOException {
        List<String> broken = new ArrayList<>();
        int links = 0;
        for (Path file : markdownFiles()) {
            for (String target : links(file)) {
                if (target.matches("^[a-z][a-z0-9+.-]*:.*") && !target.startsWith("file:")) {
                    continue;                                       // https:, mailto: ...: not a path
                }
                links++;
                String problem = check(file, target);
                if (problem != null) {
                    broken.add(ROOT.relativize(file) + ": (" + target + ") " + problem);
                }
            }
        }
        assertThat(links).as("relative links found").isGreaterThan(50);
        assertThat(broken).as("broken relative links").isEmpty();
    }

    @Test
    void everyClassAndRepositoryPathTheDocsNameExists() throws IOException {
        List<String> missing = new ArrayList<>();
        for (Path file : markdownFiles()) {
            String text = withoutFences(Files.readString(file, StandardCharsets.UTF_8));
            Matcher cls = CLASS_NAME.matcher(text);
            while (cls.find()) {
                try {
                    Class.forName(cls.group(), false, getClass().getClassLoader());
                } catch (ClassNotFoundException e) {
                    missing.add(ROOT.relativize(file) + ": class " + cls.group());
                }
            }
            Matcher path = REPO_PATH.matcher(text);
            while (path.find()) {
                String name = path.group(1);
                boolean exists = Files.exists(ROOT.resolve(name))
                                 || SOURCE_ROOTS.stream().anyMatch(r -> Files.exists(ROOT.resolve(r).resolve(name)));
                if (!exists) {
                    missing.add(ROOT.relativize(file) + ": path " + name);
                }
            }
        }
        assertThat(missing).as("classes and paths named in the docs that do not exist").isEmpty();
    }

    @Test
    void anchorsAreGitHubs() {
        assertThat(slug("Run it for real (Camel Main)")).isEqualTo("run-it-for-real-camel-main");
        assertThat(slug("WebWork ⇄ Jira Cloud, two-way")).isEqualTo("webwork--jira-cloud-two-way");
        assertThat(slug("The state file, and a damaged one")).isEqualTo("the-state-file-and-a-damaged-one");
        assertThat(slug("OAuth2 (house rule H7)")).isEqualTo("oauth2-house-rule-h7");
    }

    /** Null when the link resolves, else what is wrong. */
    private String check(Path file, String target) throws IOException {
        int hash = target.indexOf('#');
        String path = hash < 0 ? target : target.substring(0, hash);
        String anchor = hash < 0 ? null : target.substring(hash + 1);
        if (path.startsWith("/") || path.startsWith("file:")) {
            return "is absolute: links must be relative, inside the repository";
        }
        Path resolved = path.isEmpty() ? file : file.getParent().resolve(path).normalize();
        if (!resolved.startsWith(ROOT)) {
            return "leaves the repository";
        }
        if (!Files.exists(resolved)) {
            return "no such file";
        }
        if (anchor != null) {
            if (!resolved.toString().endsWith(".md")) {
                return "an anchor in a file that is not Markdown";
            }
            if (!anchors(resolved).contains(anchor)) {
                return "no heading with the anchor #" + anchor + " in " + ROOT.relativize(resolved);
            }
        }
        return null;
    }

    private static List<Path> markdownFiles() throws IOException {
        try (Stream<Path> files = Files.walk(ROOT)) {
            List<Path> markdown = files.filter(f -> f.toString().endsWith(".md"))
                    .filter(f -> !ROOT.relativize(f).startsWith("target") && !ROOT.relativize(f).startsWith(".git"))
                    .sorted().toList();
            assertThat(markdown).as("Markdown files").contains(ROOT.resolve("README.md"),
                    ROOT.resolve("docs/reference.md"));
            return markdown;
        }
    }

    private static List<String> links(Path file) throws IOException {
        String text = CODE_SPAN.matcher(withoutFences(Files.readString(file, StandardCharsets.UTF_8))).replaceAll("");
        List<String> links = new ArrayList<>();
        Matcher m = LINK.matcher(text);
        while (m.find()) {
            links.add(m.group(1));
        }
        return links;
    }

    /** GitHub's anchors of the file's headings: lower case, punctuation dropped, spaces to hyphens, -1 for a repeat. */
    private Set<String> anchors(Path file) throws IOException {
        Set<String> known = anchors.get(file);
        if (known == null) {
            known = new HashSet<>();
            Map<String, Integer> seen = new HashMap<>();
            for (String line : withoutFences(Files.readString(file, StandardCharsets.UTF_8)).split("\n")) {
                Matcher m = HEADING.matcher(line);
                if (m.matches()) {
                    String slug = slug(m.group(1));
                    int n = seen.merge(slug, 1, Integer::sum);
                    known.add(n == 1 ? slug : slug + "-" + (n - 1));
                }
            }
            anchors.put(file, known);
        }
        return known;
    }

    static String slug(String heading) {
        String text = heading.replaceAll("\\[([^\\]]*)]\\([^)]*\\)", "$1");      // a link in a heading: its text
        return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{M}\\p{N}\\p{Pc} -]", "").replace(' ', '-');
    }

    /** The text with the fenced code blocks blanked (their lines kept, so nothing inside counts). */
    private static String withoutFences(String text) {
        StringBuilder sb = new StringBuilder();
        boolean fenced = false;
        for (String line : text.split("\n", -1)) {
            if (line.trim().startsWith("```")) {
                fenced = !fenced;
                sb.append('\n');
            } else {
                sb.append(fenced ? "" : line).append('\n');
            }
        }
        return sb.toString();
    }
}
