package io.github.camelwebwork.sandbox;

import java.util.Random;

/** One run of a {@link FaultPlan}: the seeded draws and the state of a running 429 burst; thread-safe. */
public final class FaultDraws {

    private final FaultPlan plan;
    private final Random random;
    private int burstLeft;

    FaultDraws(FaultPlan plan) {
        this.plan = plan;
        this.random = new Random(plan.seed());
    }

    public FaultPlan plan() {
        return plan;
    }

    /** The fault for the next request, or null; a request the plan does not cover makes no draw. */
    public synchronized FaultKind next(String method, String path) {
        if (!plan.eligible(method, path)) {
            return null;
        }
        if (burstLeft > 0) {
            burstLeft--;
            return FaultKind.BURST_429;
        }
        double r = random.nextDouble();
        if (r >= plan.share()) {
            return null;
        }
        // rescaled so that one draw decides both whether and which
        FaultKind kind = plan.pick(r / plan.share());
        if (kind == FaultKind.BURST_429) {
            burstLeft = plan.burstLength() - 1;
        }
        return kind;
    }
}
