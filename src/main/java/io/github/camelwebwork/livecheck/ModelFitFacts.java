package io.github.camelwebwork.livecheck;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelwebwork.operation.ResultShape;

/**
 * The model fit of every read (§7, H4): each answer's records against the operation's result type. A field of
 * another type refutes the model, and so does a missing field the component reads by name ({@link #RELIED_ON}: ids
 * for gets and change capture, created_at for the order of string ids); other fields of the model that no record has
 * are reported only (request-only fields, fields shown by role or rate visibility), and fields the model does not
 * declare are reported but kept (additionalProperties), as H4 wants.
 */
final class ModelFitFacts implements FactGroup {

    static final String GROUP = "Model fit";
    static final Set<String> RELIED_ON = Set.of("id", "created_at");

    @Override
    public List<Fact> check(CheckRun run) {
        List<Fact> facts = new ArrayList<>();
        for (Read read : run.reads()) {
            Class<?> model = read.op().resultType();
            if (model == null || read.op().shape() == ResultShape.NONE) {
                continue;
            }
            String claim = read.op().httpCall() + " fits " + model.getSimpleName();
            String reference = "§7, model." + model.getSimpleName();
            if (!read.answered()) {
                facts.add(Fact.notCheckable(GROUP, claim, reference, read.skipped()));
                continue;
            }
            if (!read.ok()) {
                facts.add(Fact.notCheckable(GROUP, claim, reference, "answered HTTP " + read.answer().status()));
                continue;
            }
            ModelFit fit = new ModelFit(run.mapper());
            for (JsonNode record : records(read)) {
                if (record.isObject()) {
                    fit.record(record, model);
                }
            }
            facts.add(verdict(run, read, claim, reference, fit));
        }
        return facts;
    }

    private static List<JsonNode> records(Read read) {
        List<JsonNode> records = new ArrayList<>();
        if (read.op().shape() == ResultShape.LIST) {
            read.answer().records().forEach(records::add);
        } else {
            records.add(read.answer().data());
        }
        return records;
    }

    private static Fact verdict(CheckRun run, Read read, String claim, String reference, ModelFit fit) {
        if (fit.records() == 0) {
            return Fact.notCheckable(GROUP, claim, reference, "no record in the answer");
        }
        String extra = fit.extra().isEmpty() ? "" : "; not in the model (kept, H4): " + fit.extra();
        String absent = fit.missing().isEmpty() ? "" : "; in no record: " + fit.missing();
        Set<String> reliedOn = new TreeSet<>(fit.missing());
        reliedOn.retainAll(RELIED_ON);
        if (!fit.otherType().isEmpty() || !reliedOn.isEmpty()) {
            String observed = (fit.otherType().isEmpty() ? "" : "of another type: " + fit.otherType() + "; ")
                              + (reliedOn.isEmpty() ? "" : "missing, and read by name: " + reliedOn + "; ")
                              + fit.records() + " records" + absent + extra;
            return Fact.refuted(GROUP, claim, reference, observed, run.evidence(read.answer()),
                    "no option: model." + read.op().resultType().getSimpleName() + " must change (report it with this "
                    + "file); until then such fields read as null or fail the read");
        }
        return Fact.confirmed(GROUP, claim, reference, fit.records() + " records, every field of its type" + absent
                + extra);
    }
}
