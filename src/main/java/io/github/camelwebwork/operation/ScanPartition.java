package io.github.camelwebwork.operation;

import java.util.Set;

/**
 * How a change-capture scan reads a list. The API has no "changed since" filter, so a scan reads each partition
 * whole and compares: tasks are listed per project (§7.5 takes project_id), time entries per member and day
 * (§7.8 takes user_id and date), the other lists whole.
 */
public enum ScanPartition {
    /** One list of the whole workspace. */
    WHOLE(null, null, Set.of()),
    /** One list per project; the projects are listed first unless {@code projectId} is set. */
    PER_PROJECT("projectId", "projects", Set.of()),
    /** One list per member and day; the members are listed first unless {@code userId} is set. */
    PER_MEMBER_AND_DAY("userId", "members", Set.of("date"));

    private final String option;
    private final String listedResource;
    private final Set<String> supplied;

    ScanPartition(String option, String listedResource, Set<String> supplied) {
        this.option = option;
        this.listedResource = listedResource;
        this.supplied = supplied;
    }

    /** The option that names one partition (projectId, userId), or null for {@link #WHOLE}. */
    public String option() {
        return option;
    }

    /** The resource whose records are the partitions when {@link #option()} is not set, or null. */
    public String listedResource() {
        return listedResource;
    }

    /** Whether each partition's request supplies this option itself (so it is no filter of the scan). */
    boolean supplies(String name) {
        return supplied.contains(name);
    }
}
