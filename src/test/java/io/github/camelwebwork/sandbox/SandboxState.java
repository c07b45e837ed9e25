package io.github.camelwebwork.sandbox;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * The sandbox's whole in-memory world, shared by every API handler. Every method holds the state's
 * monitor, so each call is atomic; {@link #atomically} groups several calls (check-then-write) into one.
 * Getters return immutable snapshots. Each API section keeps its data in its own maps here.
 */
public final class SandboxState {

    private final Clock clock;
    private Instant lastNow = Instant.EPOCH;
    private final Map<String, Long> tokens = new HashMap<>();
    private final Map<Long, SandboxUser> users = new TreeMap<>();
    private final Map<Long, SandboxWorkspace> workspaces = new TreeMap<>();
    private final Map<Long, Map<Long, SandboxMember>> membersByWorkspace = new TreeMap<>();
    private final Map<Long, SandboxProject> projects = new TreeMap<>();
    private final TreeMap<Long, SandboxTask> tasks = new TreeMap<>();
    /** Live tasks per project id, built on demand and dropped when a task of that project is stored. */
    private final Map<Long, List<SandboxTask>> liveTasksByProject = new HashMap<>();
    private final Map<Long, SandboxContract> contracts = new TreeMap<>();
    private final Map<String, SandboxTimeEntry> timeEntries = new LinkedHashMap<>();
    private long nextContractId = 1;
    private long nextProjectId = 1;
    private long nextTaskId = 1;
    private long nextAssignmentId = 1;

    public SandboxState(Clock clock) {
        this.clock = clock;
    }

    /** A state holding everything in {@code seed}, in dependency order. */
    public static SandboxState of(Seed seed, Clock clock) {
        SandboxState state = new SandboxState(clock);
        seed.users().forEach(state::addUser);
        seed.workspaces().forEach(state::addWorkspace);
        seed.members().forEach(state::addMember);
        seed.projects().forEach(state::addProject);
        seed.tasks().forEach(t -> state.addTask(t.toBuilder()));
        seed.contracts().forEach(state::addContract);
        seed.timeData().ifPresent(settings -> TimeSeed.generate(state, settings)); // needs contracts and tasks
        seed.viewerProjects().forEach(state::assignViewerProject);
        seed.leavesAndExpenses().applyTo(state); // needs users, workspaces and projects
        seed.tokens().forEach(state::addToken);
        return state;
    }

    public synchronized <T> T atomically(Supplier<T> work) {
        return work.get();
    }

    public Clock clock() {
        return clock;
    }

    /** Microsecond precision like the wire format, and strictly increasing so updated_at always moves. */
    public synchronized Instant now() {
        Instant t = clock.instant().truncatedTo(ChronoUnit.MICROS);
        lastNow = t.isAfter(lastNow) ? t : lastNow.plus(1, ChronoUnit.MICROS);
        return lastNow;
    }

    // ---- tokens -------------------------------------------------------------------------------

    public synchronized void addToken(String token, long userId) {
        requireUser(userId);
        tokens.put(token, userId);
    }

    /** The token stops working (revoked in the WebWork settings): its calls get 401. */
    public synchronized void removeToken(String token) {
        tokens.remove(token);
    }

    public synchronized Optional<Long> userIdForToken(String token) {
        return Optional.ofNullable(tokens.get(token));
    }

    // ---- users and workspaces -----------------------------------------------------------------

    public synchronized SandboxUser addUser(SandboxUser user) {
        users.put(user.id(), user);
        return user;
    }

    public synchronized Optional<SandboxUser> user(long userId) {
        return Optional.ofNullable(users.get(userId));
    }

    public synchronized List<SandboxUser> users() {
        return List.copyOf(users.values());
    }

    /** The user with this e-mail address, compared case-insensitively (as MySQL's default collation does). */
    public synchronized Optional<SandboxUser> userByEmail(String email) {
        return users.values().stream().filter(u -> u.email().equalsIgnoreCase(email)).findFirst();
    }

    /** A new user with the next free id (one above the highest), e.g. for an invitation. */
    public synchronized SandboxUser addUser(String firstname, String lastname, String email) {
        long id = users.keySet().stream().mapToLong(Long::longValue).max().orElse(0) + 1;
        return addUser(new SandboxUser(id, firstname, lastname, email, "UTC", null));
    }

    /** Adds the workspace and, unless already present, its owner's membership with role Owner. */
    public synchronized SandboxWorkspace addWorkspace(SandboxWorkspace workspace) {
        requireUser(workspace.ownerId());
        SandboxWorkspace stored = workspace.createdAt() != null ? workspace
                : new SandboxWorkspace(workspace.id(), workspace.name(), workspace.ownerId(), now());
        workspaces.put(stored.id(), stored);
        membersByWorkspace.computeIfAbsent(stored.id(), k -> new TreeMap<>());
        if (member(stored.id(), stored.ownerId()).isEmpty()) {
            addMember(SandboxMember.active(stored.id(), stored.ownerId(), Role.OWNER));
        }
        return stored;
    }

    public synchronized Optional<SandboxWorkspace> workspace(long workspaceId) {
        return Optional.ofNullable(workspaces.get(workspaceId));
    }

    public synchronized List<SandboxWorkspace> workspaces() {
        return List.copyOf(workspaces.values());
    }

    // ---- members ------------------------------------------------------------------------------

    /** Adds or replaces a membership. */
    public synchronized SandboxMember addMember(SandboxMember member) {
        requireWorkspace(member.workspaceId());
        requireUser(member.userId());
        // now() only when needed: each call moves the strictly increasing clock
        SandboxMember stored = member.withTimestamps(member.activatedAt() != null ? member.activatedAt() : now());
        membersByWorkspace.get(member.workspaceId()).put(member.userId(), stored);
        return stored;
    }

    /** Adds the user if unknown, then an active membership with this role. */
    public synchronized SandboxMember addMember(long workspaceId, SandboxUser user, Role role) {
        users.putIfAbsent(user.id(), user);
        return addMember(SandboxMember.active(workspaceId, user.id(), role));
    }

    public synchronized Optional<SandboxMember> member(long workspaceId, long userId) {
        return Optional.ofNullable(membersByWorkspace.getOrDefault(workspaceId, Map.of()).get(userId));
    }

    /** Members of a workspace, by user id. */
    public synchronized List<SandboxMember> members(long workspaceId) {
        return List.copyOf(membersByWorkspace.getOrDefault(workspaceId, Map.of()).values());
    }

    /** Every membership of a user, by workspace id. */
    public synchronized List<SandboxMember> memberships(long userId) {
        List<SandboxMember> result = new ArrayList<>();
        membersByWorkspace.values().forEach(m -> Optional.ofNullable(m.get(userId)).ifPresent(result::add));
        return result;
    }

    // ---- members: invitations, updates, archive (§7.2) ----

    /** Replaces an existing membership as it is (no timestamp filling). */
    public synchronized SandboxMember saveMember(SandboxMember member) {
        if (member(member.workspaceId(), member.userId()).isEmpty()) {
            throw new IllegalArgumentException("unknown member " + member.userId() + " of workspace "
                    + member.workspaceId());
        }
        membersByWorkspace.get(member.workspaceId()).put(member.userId(), member);
        return member;
    }

    public synchronized SandboxUser saveUser(SandboxUser user) {
        requireUser(user.id());
        users.put(user.id(), user);
        return user;
    }

    /**
     * What accepting an invitation does (no API call does it; tests and demos call this): an "inactive"
     * invitee becomes "active", activated now.
     */
    public synchronized SandboxMember acceptInvitation(long workspaceId, long userId) {
        SandboxMember m = member(workspaceId, userId).filter(x -> "inactive".equals(x.status()))
                .orElseThrow(() -> new IllegalArgumentException("no pending invitation for user " + userId));
        return saveMember(m.activated(now()));
    }

    // ---- projects -----------------------------------------------------------------------------

    /** Adds or replaces a project; id 0 takes the next free id. */
    public synchronized SandboxProject addProject(SandboxProject project) {
        requireWorkspace(project.workspaceId());
        long id = project.id() != 0 ? project.id() : nextProjectId;
        nextProjectId = Math.max(nextProjectId, id + 1);
        SandboxProject stored = project.withIdAndTimestamps(id, now());
        projects.put(id, stored);
        return stored;
    }

    /** A project with the next free id, owned by the workspace owner. */
    public synchronized SandboxProject addProject(long workspaceId, String name) {
        return addProject(SandboxProject.of(0, workspaceId, name, requireWorkspace(workspaceId).ownerId()));
    }

    /** Any project, archived ones included (with {@code deletedAt} set). */
    public synchronized Optional<SandboxProject> project(long projectId) {
        return Optional.ofNullable(projects.get(projectId));
    }

    /** Projects of a workspace that are not archived, by id ascending. */
    public synchronized List<SandboxProject> projects(long workspaceId) {
        return projects.values().stream().filter(p -> p.workspaceId() == workspaceId && !p.isDeleted()).toList();
    }

    /** Replaces an existing project (update, archive). */
    public synchronized SandboxProject saveProject(SandboxProject project) {
        if (!projects.containsKey(project.id())) {
            throw new IllegalArgumentException("unknown project " + project.id());
        }
        projects.put(project.id(), project);
        return project;
    }

    // ---- tasks --------------------------------------------------------------------------------

    /**
     * Tasks of a project that are not deleted, by id ascending. The list is cached per project until a task of the
     * project is stored, so reading the pages of a large project is not O(all tasks) per page.
     */
    public synchronized List<SandboxTask> tasks(long workspaceId, long projectId) {
        List<SandboxTask> live = liveTasksByProject.computeIfAbsent(projectId, p -> tasks.values().stream()
                .filter(t -> t.projectId() == p && !t.isDeleted()).toList());
        return live.isEmpty() || live.get(0).workspaceId() == workspaceId ? live
                : live.stream().filter(t -> t.workspaceId() == workspaceId).toList();
    }

    /** Every task, soft-deleted ones included, by id ascending. */
    public synchronized List<SandboxTask> allTasks() {
        return List.copyOf(tasks.values());
    }

    /** Any task, soft-deleted ones included (with {@code deletedAt} set). */
    public synchronized Optional<SandboxTask> task(long taskId) {
        return Optional.ofNullable(tasks.get(taskId));
    }

    public synchronized SandboxTask addTask(long workspaceId, long projectId, String title) {
        return addTask(SandboxTask.builder(workspaceId, projectId, title));
    }

    /** Stores a new task; see {@link SandboxTask.Builder} for the defaults filled in. */
    public synchronized SandboxTask addTask(SandboxTask.Builder draft) {
        if (draft.id() != 0 && tasks.containsKey(draft.id())) {
            throw new IllegalArgumentException("task " + draft.id() + " already exists; use saveTask");
        }
        return store(draft);
    }

    /** {@code count} tasks titled "Task 1".."Task n", in one lock: thousands take milliseconds. */
    public synchronized List<SandboxTask> addTasks(long workspaceId, long projectId, int count) {
        return addTasks(count, i -> SandboxTask.builder(workspaceId, projectId, "Task " + (i + 1)));
    }

    /** {@code count} tasks made by {@code draft} (called with 0..count-1). */
    public synchronized List<SandboxTask> addTasks(int count, IntFunction<SandboxTask.Builder> draft) {
        List<SandboxTask> added = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            added.add(addTask(draft.apply(i)));
        }
        return added;
    }

    /** Replaces an existing task (the handlers' update, delete and assign path). */
    public synchronized SandboxTask saveTask(SandboxTask task) {
        if (!tasks.containsKey(task.id())) {
            throw new IllegalArgumentException("unknown task " + task.id());
        }
        return store(task.toBuilder());
    }

    private SandboxTask store(SandboxTask.Builder draft) {
        SandboxWorkspace workspace = requireWorkspace(draft.workspaceId());
        SandboxProject project = project(draft.projectId())
                .filter(p -> p.workspaceId() == workspace.id())
                .orElseThrow(() -> new IllegalArgumentException(
                        "project " + draft.projectId() + " is not in workspace " + workspace.id()));
        SandboxTask t = draft.build();
        long id = t.id() != 0 ? t.id() : nextTaskId;
        nextTaskId = Math.max(nextTaskId, id + 1);
        long ownerId = t.ownerId() != 0 ? t.ownerId() : workspace.ownerId();
        long creatorId = t.creatorId() != 0 ? t.creatorId() : ownerId;
        Instant created = t.createdAt() != null ? t.createdAt() : now();
        Instant updated = t.updatedAt() != null ? t.updatedAt() : created;
        Instant completed = t.completedAt() == null && SandboxTask.isCompletedStatus(t.status()) ? updated
                : t.completedAt();
        t.assignments().forEach(a -> requireUser(a.userId()));
        List<TaskAssignment> assignments = t.assignments().stream()
                .map(a -> new TaskAssignment(a.id() != 0 ? a.id() : nextAssignmentId++, id, a.userId(),
                        a.assignerId() != 0 ? a.assignerId() : creatorId))
                .toList();
        assignments.forEach(a -> nextAssignmentId = Math.max(nextAssignmentId, a.id() + 1));
        SandboxTask stored = t.toBuilder().id(id).projectId(project.id()).ownerId(ownerId).creatorId(creatorId)
                .createdAt(created).updatedAt(updated).completedAt(completed).assignments(assignments).build();
        SandboxTask previous = tasks.put(id, stored);
        liveTasksByProject.remove(stored.projectId());
        if (previous != null) {
            liveTasksByProject.remove(previous.projectId());
        }
        return stored;
    }

    // ---- contracts (§7.4) ------------------------------------------------------------------------

    /** Adds a contract; id 0 takes the next free id. */
    public synchronized SandboxContract addContract(SandboxContract contract) {
        requireWorkspace(contract.workspaceId());
        requireUser(contract.userId());
        long id = contract.id() != 0 ? contract.id() : nextContractId;
        nextContractId = Math.max(nextContractId, id + 1);
        SandboxContract stored = contract.withId(id, now());
        contracts.put(id, stored);
        return stored;
    }

    /** Replaces an existing contract (update, soft delete). */
    public synchronized SandboxContract saveContract(SandboxContract contract) {
        if (!contracts.containsKey(contract.id())) {
            throw new IllegalArgumentException("unknown contract " + contract.id());
        }
        contracts.put(contract.id(), contract);
        return contract;
    }

    /** Any contract, soft-deleted ones included. */
    public synchronized Optional<SandboxContract> contract(long contractId) {
        return Optional.ofNullable(contracts.get(contractId));
    }

    /** Contracts of a workspace that are not deleted, by id ascending. */
    public synchronized List<SandboxContract> contracts(long workspaceId) {
        return contracts.values().stream().filter(c -> c.workspaceId() == workspaceId && !c.isDeleted()).toList();
    }

    // ---- time entries (§7.8): the one store the tracker, manual time, time requests and reports share ------

    /** Adds a time entry; a null id gets a new UUID. */
    public synchronized SandboxTimeEntry addTimeEntry(SandboxTimeEntry entry) {
        requireWorkspace(entry.workspaceId());
        requireUser(entry.userId());
        String id = entry.id() != null ? entry.id() : UUID.randomUUID().toString();
        SandboxTimeEntry stored = entry.withId(id, now());
        timeEntries.put(id, stored);
        return stored;
    }

    /** Replaces an existing time entry. */
    public synchronized SandboxTimeEntry saveTimeEntry(SandboxTimeEntry entry) {
        if (!timeEntries.containsKey(entry.id())) {
            throw new IllegalArgumentException("unknown time entry " + entry.id());
        }
        timeEntries.put(entry.id(), entry);
        return entry;
    }

    /** Deletes a time entry for good (§7.8: permanent); false when there was none. */
    public synchronized boolean removeTimeEntry(String entryId) {
        return timeEntries.remove(entryId) != null;
    }

    public synchronized Optional<SandboxTimeEntry> timeEntry(String entryId) {
        return Optional.ofNullable(timeEntries.get(entryId));
    }

    /** Every time entry of a workspace, ordered by start. */
    public synchronized List<SandboxTimeEntry> timeEntries(long workspaceId) {
        return timeEntries.values().stream().filter(e -> e.workspaceId() == workspaceId)
                .sorted(Comparator.comparing(SandboxTimeEntry::start)).toList();
    }

    /** A member's time entries of one day, ordered by start. */
    public synchronized List<SandboxTimeEntry> timeEntries(long workspaceId, long userId, LocalDate date) {
        return timeEntries(workspaceId).stream().filter(e -> e.userId() == userId && e.date().equals(date)).toList();
    }

    // ---- live tracker (§7.7), timesheets (§7.9) and time requests (§7.10) ----------------------------------

    private final Map<String, SandboxTimesheet> timesheets = new LinkedHashMap<>();
    private final Map<String, SandboxTimeRequest> timeRequests = new LinkedHashMap<>();

    /** The user's running entry (end null), in any workspace: one person runs one tracker at a time (§7.7). */
    public synchronized Optional<SandboxTimeEntry> runningTimeEntry(long userId) {
        return timeEntries.values().stream().filter(e -> e.userId() == userId && e.isRunning()).findFirst();
    }

    /** Adds a timesheet; null timestamps mean "now". One per member and week. */
    public synchronized SandboxTimesheet addTimesheet(SandboxTimesheet sheet) {
        requireWorkspace(sheet.workspaceId());
        requireUser(sheet.userId());
        if (timesheets.containsKey(sheet.id())) {
            throw new IllegalArgumentException("timesheet " + sheet.id() + " already exists; use saveTimesheet");
        }
        Instant created = sheet.createdAt() != null ? sheet.createdAt() : now();
        SandboxTimesheet stored = new SandboxTimesheet(sheet.id(), sheet.workspaceId(), sheet.userId(),
                sheet.dateFrom(), sheet.dateTo(), sheet.status(), sheet.submittedAt(), sheet.submittedBy(),
                sheet.reviewedAt(), sheet.reviewedBy(), sheet.rejectReason(), created,
                sheet.updatedAt() != null ? sheet.updatedAt() : created);
        timesheets.put(stored.id(), stored);
        return stored;
    }

    /** Replaces an existing timesheet (submit, unsubmit, approve, reject). */
    public synchronized SandboxTimesheet saveTimesheet(SandboxTimesheet sheet) {
        if (!timesheets.containsKey(sheet.id())) {
            throw new IllegalArgumentException("unknown timesheet " + sheet.id());
        }
        timesheets.put(sheet.id(), sheet);
        return sheet;
    }

    public synchronized Optional<SandboxTimesheet> timesheet(String timesheetId) {
        return Optional.ofNullable(timesheets.get(timesheetId));
    }

    /**
     * The timesheets of a workspace. Every member-week with time gets one: weeks whose first time was recorded
     * after the seed (by any section) get a pending timesheet here, created now, as the live app opens one per
     * period.
     */
    public synchronized List<SandboxTimesheet> timesheets(long workspaceId) {
        for (SandboxTimeEntry e : timeEntries(workspaceId)) {
            LocalDate monday = SandboxTime.weekStart(e.date());
            String id = SandboxTimesheet.idFor(workspaceId, e.userId(), monday);
            if (!timesheets.containsKey(id)) {
                addTimesheet(SandboxTimesheet.pending(workspaceId, e.userId(), monday, null));
            }
        }
        return timesheets.values().stream().filter(t -> t.workspaceId() == workspaceId).toList();
    }

    /** Adds a time request; a null id gets a new UUID, null timestamps mean "now". */
    public synchronized SandboxTimeRequest addTimeRequest(SandboxTimeRequest request) {
        requireWorkspace(request.workspaceId());
        requireUser(request.userId());
        String id = request.id() != null ? request.id() : UUID.randomUUID().toString();
        SandboxTimeRequest stored = request.withId(id, now());
        timeRequests.put(id, stored);
        return stored;
    }

    /** Replaces an existing time request (approve, reject). */
    public synchronized SandboxTimeRequest saveTimeRequest(SandboxTimeRequest request) {
        if (!timeRequests.containsKey(request.id())) {
            throw new IllegalArgumentException("unknown time request " + request.id());
        }
        timeRequests.put(request.id(), request);
        return request;
    }

    public synchronized Optional<SandboxTimeRequest> timeRequest(String requestId) {
        return Optional.ofNullable(timeRequests.get(requestId));
    }

    /** The time requests of a workspace, in creation order. */
    public synchronized List<SandboxTimeRequest> timeRequests(long workspaceId) {
        return timeRequests.values().stream().filter(r -> r.workspaceId() == workspaceId).toList();
    }

    // ---- project viewers (§7.6): which projects each viewer may see ----

    private final Set<SandboxViewerProject> viewerProjects = new TreeSet<>(
            Comparator.comparingLong(SandboxViewerProject::workspaceId)
                    .thenComparingLong(SandboxViewerProject::viewerId)
                    .thenComparingLong(SandboxViewerProject::projectId));

    /** Gives a viewer a project; false when it was already given. */
    public synchronized boolean assignViewerProject(SandboxViewerProject grant) {
        requireUser(grant.viewerId());
        if (project(grant.projectId()).filter(p -> p.workspaceId() == grant.workspaceId()).isEmpty()) {
            throw new IllegalArgumentException("project " + grant.projectId() + " is not in workspace "
                    + grant.workspaceId());
        }
        return viewerProjects.add(grant);
    }

    /** False when the viewer did not have the project. */
    public synchronized boolean unassignViewerProject(SandboxViewerProject grant) {
        return viewerProjects.remove(grant);
    }

    /** The ids of the projects given to a viewer, archived projects included, ascending. */
    public synchronized List<Long> viewerProjectIds(long workspaceId, long viewerId) {
        return viewerProjects.stream().filter(g -> g.workspaceId() == workspaceId && g.viewerId() == viewerId)
                .map(SandboxViewerProject::projectId).toList();
    }

    // ---- webhooks (§7.13): registrations and their signing secrets, for delivery (§8.1) ----

    private final Map<String, SandboxWebhook> webhooks = new LinkedHashMap<>();

    /** Registers a webhook; a null id gets a new UUID and a null token a fresh secret. */
    public synchronized SandboxWebhook addWebhook(SandboxWebhook webhook) {
        requireWorkspace(webhook.workspaceId());
        String id = webhook.id() != null ? webhook.id() : UUID.randomUUID().toString();
        String token = webhook.token() != null ? webhook.token() : SandboxWebhook.newToken();
        Instant created = webhook.createdAt() != null ? webhook.createdAt() : now();
        SandboxWebhook stored = webhook.withIdentity(id, token, created);
        webhooks.put(id, stored);
        return stored;
    }

    public synchronized SandboxWebhook saveWebhook(SandboxWebhook webhook) {
        if (!webhooks.containsKey(webhook.id())) {
            throw new IllegalArgumentException("unknown webhook " + webhook.id());
        }
        webhooks.put(webhook.id(), webhook);
        return webhook;
    }

    /** Deletes for good; false when there was none. */
    public synchronized boolean removeWebhook(String webhookId) {
        return webhooks.remove(webhookId) != null;
    }

    public synchronized Optional<SandboxWebhook> webhook(String webhookId) {
        return Optional.ofNullable(webhooks.get(webhookId));
    }

    /** The webhooks of a workspace, oldest first: the targets of its event deliveries. */
    public synchronized List<SandboxWebhook> webhooks(long workspaceId) {
        return webhooks.values().stream().filter(w -> w.workspaceId() == workspaceId).toList();
    }

    // ---- leaves (§7.11) and expenses (§7.12) ----

    private final Map<Long, SandboxLeavePolicy> leavePolicies = new TreeMap<>();
    private final Map<String, SandboxLeave> leaves = new LinkedHashMap<>();
    private final Map<String, SandboxExpenseCategory> expenseCategories = new LinkedHashMap<>();
    private final Map<String, SandboxExpense> expenses = new LinkedHashMap<>();
    private long nextLeavePolicyId = 1;

    /** Adds a leave policy; id 0 takes the next free id. */
    public synchronized SandboxLeavePolicy addLeavePolicy(SandboxLeavePolicy policy) {
        requireWorkspace(policy.workspaceId());
        long id = policy.id() != 0 ? policy.id() : nextLeavePolicyId;
        nextLeavePolicyId = Math.max(nextLeavePolicyId, id + 1);
        SandboxLeavePolicy stored = policy.withId(id);
        leavePolicies.put(id, stored);
        return stored;
    }

    public synchronized Optional<SandboxLeavePolicy> leavePolicy(long policyId) {
        return Optional.ofNullable(leavePolicies.get(policyId));
    }

    /** The leave policies of a workspace, by id. */
    public synchronized List<SandboxLeavePolicy> leavePolicies(long workspaceId) {
        return leavePolicies.values().stream().filter(p -> p.workspaceId() == workspaceId).toList();
    }

    /** Adds a leave; a null id gets a new UUID, null timestamps mean "now". */
    public synchronized SandboxLeave addLeave(SandboxLeave leave) {
        requireWorkspace(leave.workspaceId());
        requireUser(leave.userId());
        if (leavePolicy(leave.policyId()).filter(p -> p.workspaceId() == leave.workspaceId()).isEmpty()) {
            throw new IllegalArgumentException("leave policy " + leave.policyId() + " is not in workspace "
                    + leave.workspaceId());
        }
        String id = leave.id() != null ? leave.id() : UUID.randomUUID().toString();
        SandboxLeave stored = leave.withId(id, now());
        leaves.put(id, stored);
        return stored;
    }

    /** Replaces an existing leave (approve, reject). */
    public synchronized SandboxLeave saveLeave(SandboxLeave leave) {
        if (!leaves.containsKey(leave.id())) {
            throw new IllegalArgumentException("unknown leave " + leave.id());
        }
        leaves.put(leave.id(), leave);
        return leave;
    }

    public synchronized Optional<SandboxLeave> leave(String leaveId) {
        return Optional.ofNullable(leaves.get(leaveId));
    }

    /** The leaves of a workspace, in creation order. */
    public synchronized List<SandboxLeave> leaves(long workspaceId) {
        return leaves.values().stream().filter(l -> l.workspaceId() == workspaceId).toList();
    }

    public synchronized SandboxExpenseCategory addExpenseCategory(SandboxExpenseCategory category) {
        requireWorkspace(category.workspaceId());
        expenseCategories.put(category.id(), category);
        return category;
    }

    public synchronized Optional<SandboxExpenseCategory> expenseCategory(String categoryId) {
        return Optional.ofNullable(expenseCategories.get(categoryId));
    }

    /** The expense categories of a workspace, in creation order. */
    public synchronized List<SandboxExpenseCategory> expenseCategories(long workspaceId) {
        return expenseCategories.values().stream().filter(c -> c.workspaceId() == workspaceId).toList();
    }

    /** Adds an expense; a null id gets a new UUID, null timestamps mean "now". */
    public synchronized SandboxExpense addExpense(SandboxExpense expense) {
        requireWorkspace(expense.workspaceId());
        requireUser(expense.userId());
        String id = expense.id() != null ? expense.id() : UUID.randomUUID().toString();
        SandboxExpense stored = expense.withId(id, now());
        expenses.put(id, stored);
        return stored;
    }

    /** Replaces an existing expense (update, soft delete). */
    public synchronized SandboxExpense saveExpense(SandboxExpense expense) {
        if (!expenses.containsKey(expense.id())) {
            throw new IllegalArgumentException("unknown expense " + expense.id());
        }
        expenses.put(expense.id(), expense);
        return expense;
    }

    /** Any expense, soft-deleted ones included. */
    public synchronized Optional<SandboxExpense> expense(String expenseId) {
        return Optional.ofNullable(expenses.get(expenseId));
    }

    /** The expenses of a workspace that are not deleted, in creation order. */
    public synchronized List<SandboxExpense> expenses(long workspaceId) {
        return expenses.values().stream().filter(e -> e.workspaceId() == workspaceId && !e.isDeleted()).toList();
    }

    private SandboxUser requireUser(long userId) {
        SandboxUser user = users.get(userId);
        if (user == null) {
            throw new IllegalArgumentException("unknown user " + userId);
        }
        return user;
    }

    private SandboxWorkspace requireWorkspace(long workspaceId) {
        SandboxWorkspace workspace = workspaces.get(workspaceId);
        if (workspace == null) {
            throw new IllegalArgumentException("unknown workspace " + workspaceId);
        }
        return workspace;
    }
}
