package dev.starpace.server.team;

import dev.starpace.server.store.Role;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who is a coach or an admin: the groups the identity provider names in {@code groupsClaim} (an ID token claim, a list of
 * group names), or the e-mail addresses the team configuration lists. Everyone else who signs in is a candidate.
 */
public record RoleRules(String groupsClaim, Set<String> adminGroups, Set<String> coachGroups, Set<String> adminEmails,
                        Set<String> coachEmails) {
    public static final String DEFAULT_GROUPS_CLAIM = "groups";

    public RoleRules {
        adminEmails = lower(adminEmails);
        coachEmails = lower(coachEmails);
    }

    /** The role of someone with this e-mail address (may be null) in these groups. */
    public Role of(String email, Collection<String> groups) {
        String mail = email == null ? "" : email.toLowerCase(Locale.ROOT);
        if (adminEmails.contains(mail) || groups.stream().anyMatch(adminGroups::contains)) {
            return Role.ADMIN;
        }
        if (coachEmails.contains(mail) || groups.stream().anyMatch(coachGroups::contains)) {
            return Role.COACH;
        }
        return Role.CANDIDATE;
    }

    private static Set<String> lower(Set<String> emails) {
        return emails.stream().map(e -> e.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }
}
