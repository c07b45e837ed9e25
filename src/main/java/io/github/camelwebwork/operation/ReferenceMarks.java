package io.github.camelwebwork.operation;

import java.util.Map;
import java.util.Set;

import io.github.camelwebwork.model.ActivityDescription;
import io.github.camelwebwork.model.ActivityDescriptionsUser;
import io.github.camelwebwork.model.ActivityLevelDay;
import io.github.camelwebwork.model.ActivityLevelUser;
import io.github.camelwebwork.model.AttendanceUser;
import io.github.camelwebwork.model.Contract;
import io.github.camelwebwork.model.DailyTimelineUser;
import io.github.camelwebwork.model.Expense;
import io.github.camelwebwork.model.ExpenseCategory;
import io.github.camelwebwork.model.Leave;
import io.github.camelwebwork.model.LeaveBalance;
import io.github.camelwebwork.model.LeaveBalanceItem;
import io.github.camelwebwork.model.LeavePolicy;
import io.github.camelwebwork.model.LeaveTotal;
import io.github.camelwebwork.model.Member;
import io.github.camelwebwork.model.MemberInvitation;
import io.github.camelwebwork.model.Pagination;
import io.github.camelwebwork.model.Project;
import io.github.camelwebwork.model.ProjectTag;
import io.github.camelwebwork.model.ProjectViewer;
import io.github.camelwebwork.model.Task;
import io.github.camelwebwork.model.TaskAssignee;
import io.github.camelwebwork.model.TaskReportDay;
import io.github.camelwebwork.model.TaskReportTask;
import io.github.camelwebwork.model.TaskReportUser;
import io.github.camelwebwork.model.TimeEntry;
import io.github.camelwebwork.model.TimeEntryCreation;
import io.github.camelwebwork.model.TimeRequest;
import io.github.camelwebwork.model.TimeRequestCreation;
import io.github.camelwebwork.model.TimelineEntry;
import io.github.camelwebwork.model.Timesheet;
import io.github.camelwebwork.model.TimesheetDayEntry;
import io.github.camelwebwork.model.TrackedHoursDay;
import io.github.camelwebwork.model.TrackedHoursProject;
import io.github.camelwebwork.model.TrackedHoursReport;
import io.github.camelwebwork.model.TrackedHoursUser;
import io.github.camelwebwork.model.TrackerSession;
import io.github.camelwebwork.model.TrackerStatus;
import io.github.camelwebwork.model.ViewerProject;
import io.github.camelwebwork.model.Webhook;
import io.github.camelwebwork.model.WebhookPayload;
import io.github.camelwebwork.model.Workspace;

/**
 * What {@code webwork-api.md} says of each model's fields, in one place: confirmed (C, and C3, the third-party
 * reference), inferred (I) or unknown. A value of an unexpected type in an inferred or unknown field is kept (drifted)
 * by the lenient reader; in a confirmed field it fails the call, as the reference is then wrong about a fact it
 * stated. Every concrete model has an entry (ReferenceMarksTest).
 */
public final class ReferenceMarks {

    /** How far the reference vouches for a field. */
    public enum Mark {
        CONFIRMED,
        INFERRED,
        UNKNOWN;

        /** Whether a value of an unexpected type is kept instead of failing the call. */
        public boolean tolerant() {
            return this != CONFIRMED;
        }
    }

    /** A model's mark and the fields, by wire name, marked otherwise. */
    public record Marks(Mark model, Mark exceptionMark, Set<String> exceptions) {

        public Mark of(String wireName) {
            return exceptions.contains(wireName) ? exceptionMark : model;
        }
    }

    private static final Map<Class<?>, Marks> MARKS = Map.ofEntries(
            Map.entry(Workspace.class, all(Mark.CONFIRMED)),                                      // §7.1
            Map.entry(Member.class, all(Mark.CONFIRMED)),                                         // §7.2 C, C3
            Map.entry(MemberInvitation.class, all(Mark.CONFIRMED)),
            // §7.3: "status int (e.g. 1)": one example, the codes and their type beyond it are not documented
            Map.entry(Project.class, except(Mark.CONFIRMED, Mark.UNKNOWN, "status")),
            Map.entry(ProjectTag.class, all(Mark.CONFIRMED)),
            Map.entry(Contract.class, all(Mark.CONFIRMED)),                                       // §7.4 C, C3
            Map.entry(Task.class, all(Mark.CONFIRMED)),                                           // §7.5
            Map.entry(TaskAssignee.class, all(Mark.CONFIRMED)),                                   // C3
            Map.entry(ProjectViewer.class, all(Mark.CONFIRMED)),                                  // §7.6
            Map.entry(ViewerProject.class, all(Mark.CONFIRMED)),
            Map.entry(TrackerSession.class, all(Mark.CONFIRMED)),                                 // §7.7
            Map.entry(TrackerStatus.class, all(Mark.CONFIRMED)),
            Map.entry(TimeEntry.class, all(Mark.CONFIRMED)),                                      // §7.8
            Map.entry(TimeEntryCreation.class, all(Mark.CONFIRMED)),
            Map.entry(Timesheet.class, all(Mark.CONFIRMED)),                                      // §7.9
            Map.entry(TimesheetDayEntry.class, all(Mark.CONFIRMED)),
            Map.entry(TimeRequest.class, all(Mark.CONFIRMED)),                                    // §7.10
            Map.entry(TimeRequestCreation.class, all(Mark.CONFIRMED)),
            // §7.11: the excerpt stops after start_date; the rest comes from v1 ("probably still present: I")
            Map.entry(Leave.class, except(Mark.CONFIRMED, Mark.INFERRED, "end_date", "created_on", "total")),
            Map.entry(LeaveTotal.class, all(Mark.INFERRED)),
            Map.entry(LeaveBalance.class, all(Mark.CONFIRMED)),
            Map.entry(LeaveBalanceItem.class, all(Mark.CONFIRMED)),
            Map.entry(LeavePolicy.class, all(Mark.UNKNOWN)),                                      // "fields unknown"
            Map.entry(Expense.class, all(Mark.CONFIRMED)),                                        // §7.12
            Map.entry(ExpenseCategory.class, all(Mark.INFERRED)),                                 // H8
            Map.entry(Webhook.class, all(Mark.CONFIRMED)),                                        // §7.13
            Map.entry(WebhookPayload.class, all(Mark.INFERRED)),                                  // §8: a likely shape
            // §7.14: the tracked-hours report names its fields; the per-user reports describe theirs in prose
            Map.entry(TrackedHoursReport.class, all(Mark.CONFIRMED)),
            Map.entry(TrackedHoursDay.class, all(Mark.CONFIRMED)),
            Map.entry(TrackedHoursUser.class, all(Mark.CONFIRMED)),
            Map.entry(TrackedHoursProject.class, all(Mark.CONFIRMED)),
            Map.entry(DailyTimelineUser.class, all(Mark.INFERRED)),
            Map.entry(TimelineEntry.class, all(Mark.INFERRED)),
            Map.entry(ActivityLevelUser.class, all(Mark.INFERRED)),
            Map.entry(ActivityLevelDay.class, all(Mark.INFERRED)),
            Map.entry(TaskReportUser.class, all(Mark.INFERRED)),
            Map.entry(TaskReportTask.class, all(Mark.INFERRED)),
            Map.entry(TaskReportDay.class, all(Mark.INFERRED)),
            Map.entry(AttendanceUser.class, all(Mark.INFERRED)),
            Map.entry(ActivityDescriptionsUser.class, all(Mark.UNKNOWN)),                         // H8: not found
            Map.entry(ActivityDescription.class, all(Mark.UNKNOWN)),
            Map.entry(Pagination.class, all(Mark.CONFIRMED)));                                    // §4

    private static final Marks UNLISTED = all(Mark.CONFIRMED);

    private ReferenceMarks() {
    }

    /** The mark of a model's field by wire name; a class without an entry counts as confirmed. */
    public static Mark of(Class<?> model, String wireName) {
        return MARKS.getOrDefault(model, UNLISTED).of(wireName);
    }

    /** Every entry, for the test that keeps the marks in step with the models. */
    public static Map<Class<?>, Marks> all() {
        return MARKS;
    }

    private static Marks all(Mark mark) {
        return new Marks(mark, mark, Set.of());
    }

    private static Marks except(Mark model, Mark exceptionMark, String... wireNames) {
        return new Marks(model, exceptionMark, Set.of(wireNames));
    }
}
