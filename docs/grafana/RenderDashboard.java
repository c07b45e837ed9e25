import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Draws docs/images/grafana-dashboard.png: the panels of docs/grafana/camel-webwork.json (titles, layout, queries,
 * legends) evaluated over a series of Prometheus scrapes of the demo. A rendering, not a Grafana screenshot (no Grafana
 * here); it understands the query shapes the dashboard uses: a gauge, {@code sum by (..) (rate(counter[..]))}, and the
 * quotient of two of either.
 *
 * <pre>
 * mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * mvn -B test-compile exec:java@demo -Ddemo.args=--keep-running       # prints "Metrics  curl http://.../metrics"
 * mkdir -p target/scrapes; for i in $(seq -w 0 59); do curl -s URL > target/scrapes/$i.prom; sleep 2; done
 * java -cp "$(cat target/cp.txt)" docs/grafana/RenderDashboard.java docs/grafana/camel-webwork.json \
 *      target/scrapes 2 docs/images/grafana-dashboard.png
 * </pre>
 */
public class RenderDashboard {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][\\w:]*)(\\{(.*)})?\\s+(\\S+)");
    private static final Pattern LABEL = Pattern.compile("(\\w+)=\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern SUM_RATE = Pattern.compile(
            "sum by \\(([^)]*)\\) \\(rate\\((\\w+)(\\{[^}]*})?\\[\\$__rate_interval]\\)\\)");
    private static final Pattern GAUGE = Pattern.compile("(\\w+)(\\{[^}]*})?");
    private static final Color[] PALETTE = {new Color(0x73BF69), new Color(0xF2CC0C), new Color(0x5794F2),
        new Color(0xFF780A), new Color(0xB877D9), new Color(0xF2495C), new Color(0x8AB8FF), new Color(0x37872D)};
    private static final int CELL_W = 60;
    private static final int CELL_H = 34;

    record Sample(String name, Map<String, String> labels, double value) {
    }

    public static void main(String[] args) throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(new File(args[0]));
        List<List<Sample>> scrapes = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of(args[1]))) {
            for (Path f : files.sorted().toList()) {
                scrapes.add(parse(Files.readAllLines(f)));
            }
        }
        double step = Double.parseDouble(args[2]);
        int rows = 0;
        for (JsonNode p : dashboard.path("panels")) {
            rows = Math.max(rows, p.path("gridPos").path("y").asInt() + p.path("gridPos").path("h").asInt());
        }
        int top = 60;
        BufferedImage image = new BufferedImage(24 * CELL_W + 20, top + rows * CELL_H + 40, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(new Color(0x111217));
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(new Color(0xCCCCDC));
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 20));
        g.drawString(dashboard.path("title").asText(), 14, 30);
        g.setFont(new Font(Font.SANS_SERIF, Font.ITALIC, 13));
        g.setColor(new Color(0xF2CC0C));
        g.drawString("A rendering of the dashboard's panels from " + scrapes.size() + " scrapes of the demo's /metrics, "
                     + (int) step + " s apart (RenderDashboard.java), not a Grafana screenshot", 14, 50);
        for (JsonNode p : dashboard.path("panels")) {
            JsonNode pos = p.path("gridPos");
            int x = 10 + pos.path("x").asInt() * CELL_W;
            int y = top + pos.path("y").asInt() * CELL_H;
            int w = pos.path("w").asInt() * CELL_W;
            int h = pos.path("h").asInt() * CELL_H;
            if ("row".equals(p.path("type").asText())) {
                g.setColor(new Color(0xCCCCDC));
                g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
                g.drawString(p.path("title").asText(), x + 4, y + 22);
                continue;
            }
            Map<String, double[]> series = new LinkedHashMap<>();
            for (JsonNode t : p.path("targets")) {
                series.putAll(evaluate(t.path("expr").asText(), t.path("legendFormat").asText(), scrapes, step));
            }
            drawPanel(g, x + 4, y + 4, w - 8, h - 8, p.path("title").asText(),
                    p.path("fieldConfig").path("defaults").path("unit").asText(), series, step);
        }
        ImageIO.write(image, "png", new File(args[3]));
    }

    static List<Sample> parse(List<String> lines) {
        List<Sample> samples = new ArrayList<>();
        for (String line : lines) {
            Matcher m = SAMPLE.matcher(line);
            if (line.startsWith("#") || !m.find()) {
                continue;
            }
            Map<String, String> labels = new TreeMap<>();
            if (m.group(3) != null) {
                Matcher l = LABEL.matcher(m.group(3));
                while (l.find()) {
                    labels.put(l.group(1), l.group(2));
                }
            }
            samples.add(new Sample(m.group(1), labels, Double.parseDouble(m.group(4))));
        }
        return samples;
    }

    /** The series of one query, by legend, one value per scrape (NaN where there is none). */
    static Map<String, double[]> evaluate(String expr, String legend, List<List<Sample>> scrapes, double step) {
        String[] parts = expr.split(" / ");
        Map<Map<String, String>, double[]> a = term(parts[0].trim(), scrapes, step);
        if (parts.length == 2) {
            Map<Map<String, String>, double[]> b = term(parts[1].trim(), scrapes, step);
            for (Map.Entry<Map<String, String>, double[]> e : a.entrySet()) {
                double[] d = b.get(e.getKey());
                for (int i = 0; i < e.getValue().length; i++) {
                    e.getValue()[i] = d == null || d[i] == 0 ? Double.NaN : e.getValue()[i] / d[i];
                }
            }
        }
        Map<String, double[]> named = new TreeMap<>();
        a.forEach((labels, values) -> {
            String name = legend;
            for (Map.Entry<String, String> l : labels.entrySet()) {
                name = name.replace("{{" + l.getKey() + "}}", l.getValue());
            }
            named.put(name.replaceAll("\\{\\{\\w+}}", ""), values);
        });
        return named;
    }

    private static Map<Map<String, String>, double[]> term(String expr, List<List<Sample>> scrapes, double step) {
        Map<Map<String, String>, double[]> out = new HashMap<>();
        Matcher sum = SUM_RATE.matcher(expr);
        boolean rate = sum.matches();
        Matcher gauge = GAUGE.matcher(expr);
        if (!rate && !gauge.matches()) {
            throw new IllegalArgumentException("not a query shape of the dashboard: " + expr);
        }
        String metric = rate ? sum.group(2) : gauge.group(1);
        List<String> by = rate ? List.of(sum.group(1).split(",\\s*")) : null;
        for (int i = 0; i < scrapes.size(); i++) {
            for (Sample s : scrapes.get(i)) {
                if (!s.name().equals(metric)) {
                    continue;
                }
                Map<String, String> key = new TreeMap<>(s.labels());
                if (by != null) {
                    key.keySet().retainAll(by);
                }
                double[] values = out.computeIfAbsent(key, k -> {
                    double[] v = new double[scrapes.size()];
                    java.util.Arrays.fill(v, Double.NaN);
                    return v;
                });
                values[i] = (Double.isNaN(values[i]) ? 0 : values[i]) + s.value();
            }
        }
        if (rate) {
            // a counter's increase per second from one scrape to the next
            for (double[] v : out.values()) {
                for (int i = v.length - 1; i > 0; i--) {
                    v[i] = Double.isNaN(v[i - 1]) ? (Double.isNaN(v[i]) ? Double.NaN : 0)
                            : Math.max(0, v[i] - v[i - 1]) / step;
                }
                v[0] = Double.NaN;
            }
        }
        return out;
    }

    private static void drawPanel(Graphics2D g, int x, int y, int w, int h, String title, String unit,
                                  Map<String, double[]> series, double step) {
        g.setColor(new Color(0x181B1F));
        g.fillRoundRect(x, y, w, h, 6, 6);
        g.setColor(new Color(0x2C3235));
        g.drawRoundRect(x, y, w, h, 6, 6);
        g.setColor(new Color(0xCCCCDC));
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        g.drawString(title, x + 10, y + 20);
        int left = x + 58;
        int right = x + w - 12;
        int plotTop = y + 32;
        int legendRows = Math.min(4, (series.size() + 2) / 3);
        int bottom = y + h - 22 - legendRows * 16;
        double max = series.values().stream().flatMapToDouble(java.util.Arrays::stream).filter(v -> !Double.isNaN(v))
                .max().orElse(0);
        max = max <= 0 ? 1 : max * 1.1;
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        for (int t = 0; t <= 4; t++) {
            int ty = bottom - (bottom - plotTop) * t / 4;
            g.setColor(new Color(0x2C3235));
            g.drawLine(left, ty, right, ty);
            g.setColor(new Color(0x8E8E8E));
            g.drawString(format(max * t / 4, unit), x + 6, ty + 4);
        }
        if (series.isEmpty()) {
            g.setColor(new Color(0x8E8E8E));
            g.drawString("No data", (left + right) / 2 - 20, (plotTop + bottom) / 2);
        }
        int i = 0;
        List<Map.Entry<String, double[]>> ordered = new ArrayList<>(series.entrySet());
        ordered.sort(Comparator.comparing(Map.Entry::getKey));
        for (Map.Entry<String, double[]> s : ordered) {
            Color color = PALETTE[i % PALETTE.length];
            g.setColor(color);
            g.setStroke(new BasicStroke(2f));
            double[] v = s.getValue();
            int n = v.length;
            for (int k = 1; k < n; k++) {
                if (Double.isNaN(v[k - 1]) || Double.isNaN(v[k])) {
                    continue;
                }
                int x1 = left + (right - left) * (k - 1) / Math.max(1, n - 1);
                int x2 = left + (right - left) * k / Math.max(1, n - 1);
                g.drawLine(x1, bottom - (int) ((bottom - plotTop) * v[k - 1] / max), x2,
                        bottom - (int) ((bottom - plotTop) * v[k] / max));
            }
            g.setStroke(new BasicStroke(1f));
            if (i < legendRows * 3) {
                int lx = x + 10 + (i % 3) * (w - 20) / 3;
                int ly = bottom + 20 + (i / 3) * 16;
                g.fillRect(lx, ly - 8, 12, 3);
                g.setColor(new Color(0xCCCCDC));
                String label = s.getKey().length() > 38 ? s.getKey().substring(0, 37) + "…" : s.getKey();
                g.drawString(label, lx + 16, ly - 3);
            }
            i++;
        }
        g.setColor(new Color(0x8E8E8E));
        if (!series.isEmpty()) {
            g.drawString("-" + (int) ((ordered.get(0).getValue().length - 1) * step) + " s", left + 4, bottom + 12);
            g.drawString("now", right - 20, bottom + 12);
        }
    }

    private static String format(double v, String unit) {
        return switch (unit) {
            case "s" -> v < 1 ? String.format("%.0f ms", v * 1000) : String.format("%.1f s", v);
            case "percentunit" -> String.format("%.0f%%", v * 100);
            case "reqps", "cps" -> String.format("%.2f/s", v);
            default -> v >= 100 ? String.format("%.0f", v) : String.format("%.1f", v);
        };
    }
}
