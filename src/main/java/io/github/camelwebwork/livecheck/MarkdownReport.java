package io.github.camelwebwork.livecheck;

import java.time.Instant;
import java.util.List;

/** The report a run writes: a table of every fact, then each refuted one with its request, answer and setting. */
final class MarkdownReport {

    private MarkdownReport() {
    }

    static String render(String baseUrl, long workspaceId, boolean writes, Instant at, List<Fact> facts) {
        StringBuilder md = new StringBuilder();
        md.append("# WebWork live check\n\n");
        md.append("- API: ").append(baseUrl).append(", workspace ").append(workspaceId).append('\n');
        md.append("- Run: ").append(at).append(writes ? ", with writes (one task created and deleted)"
                : ", read-only").append('\n');
        md.append("- Verdicts: ").append(count(facts, Verdict.CONFIRMED)).append(" confirmed, ")
                .append(count(facts, Verdict.REFUTED)).append(" refuted, ")
                .append(count(facts, Verdict.NOT_CHECKABLE)).append(" not checkable\n\n");
        md.append("| Group | Fact | Reference | Verdict | Observed |\n|---|---|---|---|---|\n");
        for (Fact f : facts) {
            md.append("| ").append(cell(f.group())).append(" | ").append(cell(f.claim())).append(" | ")
                    .append(cell(f.reference())).append(" | ").append(verdict(f.verdict())).append(" | ")
                    .append(cell(f.observed())).append(" |\n");
        }
        List<Fact> refuted = facts.stream().filter(f -> f.verdict() == Verdict.REFUTED).toList();
        if (!refuted.isEmpty()) {
            md.append("\n## Refuted\n");
            for (Fact f : refuted) {
                md.append("\n### ").append(f.group()).append(": ").append(f.claim()).append("\n\n");
                md.append("Observed: ").append(f.observed()).append("\n\n");
                if (f.evidence() != null) {
                    md.append("Request: `").append(f.evidence().request()).append("`  \n");
                    md.append("Answer: HTTP ").append(f.evidence().status()).append("\n\n```json\n")
                            .append(f.evidence().excerpt()).append("\n```\n\n");
                }
                md.append("Setting to change: ").append(f.setting()).append('\n');
            }
        }
        return md.toString();
    }

    private static long count(List<Fact> facts, Verdict verdict) {
        return facts.stream().filter(f -> f.verdict() == verdict).count();
    }

    private static String verdict(Verdict verdict) {
        return switch (verdict) {
            case CONFIRMED -> "confirmed";
            case REFUTED -> "**refuted**";
            case NOT_CHECKABLE -> "not checkable";
        };
    }

    private static String cell(String text) {
        return text == null ? "" : text.replace("|", "\\|").replace("\n", " ");
    }
}
