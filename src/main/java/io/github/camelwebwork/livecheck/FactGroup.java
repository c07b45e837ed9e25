package io.github.camelwebwork.livecheck;

import java.util.List;

/** The facts of one topic (paths, envelope, pagination ...), judged from the sweep and a few requests of its own. */
interface FactGroup {

    List<Fact> check(CheckRun run);
}
