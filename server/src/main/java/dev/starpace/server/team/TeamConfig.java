package dev.starpace.server.team;

import dev.starpace.server.store.PostgresAttemptStore;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * Team mode's settings, from the small file that {@code serve --team CONFIG} names (a Java properties file; docs/teams.md
 * has an example): the PostgreSQL database, the public URL candidates open, other host names the server answers to,
 * and the organisation's sign-in provider. An unknown or missing setting is refused with one line, so that a typo does
 * not start a server other than the one meant.
 *
 * @param insecureNoSignIn set by {@code --insecure-no-sign-in}, never by the file: team mode open to anyone who
 *                         reaches it, for tests and development only
 */
public record TeamConfig(PostgresAttemptStore.Database database, URI publicUrl, List<String> allowedHosts,
                         SignInProvider signIn, RoleRules roles, Duration sessionLength, Duration retention,
                         boolean insecureNoSignIn) {
    /** Who owns an attempt made in team mode without sign-in (--insecure-no-sign-in): everyone is this one person. */
    public static final String NO_SIGN_IN_OWNER = "no-sign-in";

    /** How long a sign-in lasts unless the file says otherwise: a working day. */
    public static final Duration DEFAULT_SESSION = Duration.ofHours(8);

    private static final Set<String> KEYS = Set.of("database.url", "database.user", "database.password",
        "database.password-file", "public-url", "allowed-hosts", "sign-in.issuer", "sign-in.client-id",
        "sign-in.client-secret", "sign-in.client-secret-file", "sign-in.groups-claim", "sign-in.admin-groups",
        "sign-in.coach-groups", "admins", "coaches", "session-hours", "retention-days");

    public static TeamConfig read(Path file) {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (NoSuchFileException e) {
            throw new TeamConfigException("the team configuration " + file + " does not exist");
        } catch (AccessDeniedException e) {
            throw new TeamConfigException("cannot read the team configuration " + file + ": permission denied");
        } catch (IOException | IllegalArgumentException e) {
            throw new TeamConfigException("cannot read the team configuration " + file
                + (Files.isDirectory(file) ? ": it is a folder, not a file" : ": it is not a properties file (docs/teams.md)"));
        }
        return parse(p, file);
    }

    static TeamConfig parse(Properties p, Path file) {
        Set<String> unknown = new TreeSet<>(p.stringPropertyNames());
        unknown.removeAll(KEYS);
        if (!unknown.isEmpty()) {
            throw new TeamConfigException("unknown setting '" + unknown.iterator().next() + "' in the team configuration "
                + file + " (known: " + String.join(", ", new TreeSet<>(KEYS)) + ")");
        }
        String url = required(p, "database.url", file);
        if (url.startsWith("postgresql://") || url.startsWith("postgres://")) {
            url = "jdbc:postgresql://" + url.substring(url.indexOf("://") + 3);
        }
        if (!url.startsWith("jdbc:postgresql://")) {
            throw new TeamConfigException("database.url in " + file + " must be a PostgreSQL URL, jdbc:postgresql://HOST:PORT/DATABASE");
        }
        String password = secret(p, "database.password", file);
        var database = new PostgresAttemptStore.Database(url, optional(p, "database.user"), password);
        URI publicUrl = publicUrl(required(p, "public-url", file), file);
        List<String> hosts = new ArrayList<>();
        hosts.add(publicUrl.getHost());
        String extra = optional(p, "allowed-hosts");
        if (extra != null) {
            Arrays.stream(extra.split(",")).map(String::trim).filter(h -> !h.isEmpty() && !hosts.contains(h)).forEach(hosts::add);
        }
        RoleRules roles = new RoleRules(Objects.requireNonNullElse(optional(p, "sign-in.groups-claim"), RoleRules.DEFAULT_GROUPS_CLAIM),
            list(p, "sign-in.admin-groups"), list(p, "sign-in.coach-groups"), list(p, "admins"), list(p, "coaches"));
        return new TeamConfig(database, publicUrl, List.copyOf(hosts), signIn(p, file), roles, sessionLength(p, file),
            retention(p, file), false);
    }

    /** The same, started with {@code --insecure-no-sign-in}. */
    public TeamConfig withInsecureNoSignIn(boolean insecure) {
        return new TeamConfig(database, publicUrl, allowedHosts, signIn, roles, sessionLength, retention, insecure);
    }

    /** Team mode with sign-in (not started with --insecure-no-sign-in). */
    public boolean signsIn() {
        return !insecureNoSignIn && signIn != null;
    }

    /** Where the identity provider sends a browser back to after signing in: under the public URL. */
    public URI callback() {
        return publicUrl.resolve("/sign-in/callback");
    }

    /** Cookies go only over TLS when candidates reach the server over TLS. */
    public boolean secureCookies() {
        return "https".equals(publicUrl.getScheme());
    }

    private static Set<String> list(Properties p, String key) {
        String value = optional(p, key);
        return value == null ? Set.of() : Arrays.stream(value.split(",")).map(String::trim).filter(v -> !v.isEmpty())
            .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /** How long attempts are kept (retention-days), or null: kept until their owner deletes them. */
    private static Duration retention(Properties p, Path file) {
        String value = optional(p, "retention-days");
        if (value == null) {
            return null;
        }
        try {
            int days = Integer.parseInt(value);
            if (days >= 1 && days <= 3650) {
                return Duration.ofDays(days);
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new TeamConfigException("retention-days in " + file + " must be a whole number of days from 1 to 3650, not " + value);
    }

    private static Duration sessionLength(Properties p, Path file) {
        String value = optional(p, "session-hours");
        if (value == null) {
            return DEFAULT_SESSION;
        }
        try {
            double hours = Double.parseDouble(value);
            if (hours > 0 && hours <= 24 * 30) {
                return Duration.ofSeconds(Math.round(hours * 3600));
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new TeamConfigException("session-hours in " + file + " must be a number of hours above 0 and at most 720, not " + value);
    }

    /**
     * Refuses team mode that nobody signs in to, unless started with --insecure-no-sign-in: on a career centre's
     * network it would let anyone hear and delete everyone's answers.
     */
    public void requireSignIn() {
        if (insecureNoSignIn || signIn != null) {
            return;
        }
        throw new TeamConfigException("team mode needs the organisation's sign-in (sign-in.issuer, sign-in.client-id and"
            + " sign-in.client-secret in the team configuration) so that it is not open to anyone who reaches it;"
            + " --insecure-no-sign-in starts it open, for tests only");
    }

    private static SignInProvider signIn(Properties p, Path file) {
        String issuer = optional(p, "sign-in.issuer");
        String clientId = optional(p, "sign-in.client-id");
        String secret = secret(p, "sign-in.client-secret", file);
        if (issuer == null && clientId == null && secret == null) {
            return null;
        }
        if (issuer == null || clientId == null || secret == null) {
            throw new TeamConfigException("the sign-in provider in " + file + " needs sign-in.issuer, sign-in.client-id and"
                + " sign-in.client-secret (or sign-in.client-secret-file), as the provider gave them for StarPace");
        }
        URI uri = uri(issuer, "sign-in.issuer", file);
        if (!"https".equals(uri.getScheme()) && !"localhost".equals(uri.getHost()) && !"127.0.0.1".equals(uri.getHost())) {
            throw new TeamConfigException("sign-in.issuer in " + file + " must be an https:// URL, not " + issuer);
        }
        return new SignInProvider(issuer, clientId, secret);
    }

    private static URI publicUrl(String value, Path file) {
        URI uri = uri(value, "public-url", file);
        if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new TeamConfigException("public-url in " + file + " must be the address candidates open, such as"
                + " https://interviews.example.edu/, not " + value);
        }
        return uri;
    }

    private static URI uri(String value, String key, Path file) {
        try {
            return new URI(value);
        } catch (URISyntaxException e) {
            throw new TeamConfigException(key + " in " + file + " is not a URL: " + value);
        }
    }

    private static String required(Properties p, String key, Path file) {
        String value = optional(p, key);
        if (value == null) {
            throw new TeamConfigException("the team configuration " + file + " has no " + key + " (docs/teams.md)");
        }
        return value;
    }

    private static String optional(Properties p, String key) {
        String value = p.getProperty(key);
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** A secret given in the file, or in a file of its own (KEY-file) that only StarPace's user may read. */
    private static String secret(Properties p, String key, Path file) {
        String inline = optional(p, key);
        String from = optional(p, key + "-file");
        if (inline != null && from != null) {
            throw new TeamConfigException(file + " gives both " + key + " and " + key + "-file; keep one");
        }
        if (from == null) {
            return inline;
        }
        Path path = file.toAbsolutePath().getParent().resolve(from);
        try {
            return Files.readString(path, StandardCharsets.UTF_8).strip();
        } catch (NoSuchFileException e) {
            throw new TeamConfigException(key + "-file in " + file + " names " + path + ", which does not exist");
        } catch (AccessDeniedException e) {
            throw new TeamConfigException("cannot read " + path + " (" + key + "-file in " + file + "): permission denied");
        } catch (IOException e) {
            throw new TeamConfigException("cannot read " + path + " (" + key + "-file in " + file + ")");
        }
    }
}
