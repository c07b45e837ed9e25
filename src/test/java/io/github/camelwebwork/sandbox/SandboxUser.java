package io.github.camelwebwork.sandbox;

import java.util.Objects;

/** A person; a user becomes part of a workspace through a {@link SandboxMember}. */
public record SandboxUser(long id, String firstname, String lastname, String email, String timezone, String avatar) {

    public SandboxUser {
        Objects.requireNonNull(firstname, "firstname");
        Objects.requireNonNull(lastname, "lastname");
        Objects.requireNonNull(email, "email");
    }

    public static SandboxUser of(long id, String firstname, String lastname, String email) {
        return new SandboxUser(id, firstname, lastname, email, "UTC", null);
    }

    public String fullName() {
        return firstname + " " + lastname;
    }
}
