package io.github.camelwebwork.sandbox.api;

import io.github.camelwebwork.sandbox.Role;
import io.github.camelwebwork.sandbox.SandboxMember;
import io.github.camelwebwork.sandbox.SandboxState;
import io.github.camelwebwork.sandbox.SandboxUser;
import io.github.camelwebwork.sandbox.http.Validation;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Set;

/**
 * The body of {@code PUT /members/{memberId}} (§7.2); every field optional. Names, e-mail, time zone and avatar
 * belong to the user (so they change in every workspace of that user); role, rate_status and weekly_hours_limit
 * to the membership.
 */
final class MemberChanges {

    /** 0..168: a week has 168 hours, the default limit (§7.3 example). */
    static final int MAX_WEEKLY_HOURS = 168;

    private final BodyFields f;
    private String email;
    private String firstname;
    private String lastname;
    private String timezone;
    private Role role;
    private Integer rateStatus;
    private Integer weeklyHoursLimit;
    private boolean removeAvatar;

    private MemberChanges(BodyFields f) {
        this.f = f;
    }

    static MemberChanges parse(BodyFields f) {
        MemberChanges c = new MemberChanges(f);
        c.email = f.email("email", false);
        c.firstname = f.presentText("firstname", false, BodyFields.MAX_STRING);
        c.lastname = f.presentText("lastname", false, BodyFields.MAX_STRING);
        c.timezone = f.text("timezone", false, BodyFields.MAX_STRING);
        String roleLabel = f.choice("role", MembersApi.GRANTABLE_ROLES, false);
        c.role = roleLabel == null ? null : Role.fromLabel(roleLabel).orElseThrow();
        c.rateStatus = f.intChoice("rate_status", Set.of(0, 1));
        c.weeklyHoursLimit = f.intBetween("weekly_hours_limit", 0, MAX_WEEKLY_HOURS);
        Integer remove = f.intChoice("remove_avatar", Set.of(0, 1));
        c.removeAvatar = remove != null && remove == 1;
        return c;
    }

    /** Checks that need the state: a valid zone, a free e-mail address, and the Owner keeps their role. */
    void check(SandboxState state, SandboxMember target, Validation v) {
        if (timezone != null) {
            try {
                ZoneId.of(timezone);
            } catch (DateTimeException e) {
                v.add("timezone", "The timezone must be a valid timezone.");
            }
        }
        if (email != null && state.userByEmail(email).filter(u -> u.id() != target.userId()).isPresent()) {
            v.add("email", BodyFields.takenMessage("email"));
        }
        if (role != null && target.role() == Role.OWNER) {
            v.add("role", "The role of the workspace owner cannot be changed.");
        }
    }

    SandboxUser applyTo(SandboxUser u) {
        return new SandboxUser(u.id(), firstname != null ? firstname : u.firstname(),
                lastname != null ? lastname : u.lastname(), email != null ? email : u.email(),
                f.has("timezone") ? timezone : u.timezone(), removeAvatar ? null : u.avatar());
    }

    SandboxMember applyTo(SandboxMember m, Instant now) {
        SandboxMember changed = role != null ? m.withRole(role) : m;
        return changed.withSettings(rateStatus != null ? rateStatus : m.rateStatus(),
                f.has("weekly_hours_limit") ? weeklyHoursLimit : m.weeklyHoursLimit(), now);
    }
}
