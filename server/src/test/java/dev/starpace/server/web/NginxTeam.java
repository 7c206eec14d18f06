package dev.starpace.server.web;

import dev.starpace.server.store.PostgresAttemptStore;
import dev.starpace.server.store.PostgresCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;

/**
 * Team mode as docs/teams.md deploys it: two real {@code serve --team} processes on one PostgreSQL database behind
 * Debian's nginx, signing in through a real OpenID Connect provider (mock-oauth2-server, in this JVM).
 */
final class NginxTeam implements TeamSite, AutoCloseable {
    final MockOAuth2Server provider = new MockOAuth2Server();
    final PostgresAttemptStore.Database db;
    final ServeProcess a;
    final ServeProcess b;
    final Nginx nginx;
    private final int port;

    /** {@code extra}: more lines of the team configuration. The instances sweep every 2 s. */
    NginxTeam(Path dir, String extra) throws Exception {
        provider.start();
        db = PostgresCluster.shared().newDatabase();
        port = Nginx.freePort();
        Files.writeString(dir.resolve("oidc-secret"), "not-a-real-secret\n");
        Path config = Files.writeString(dir.resolve("team.properties"), "database.url = " + db.url() + "\n"
            + "database.user = " + db.user() + "\npublic-url = http://localhost:" + port + "/\n"
            + "sign-in.issuer = " + provider.issuerUrl(TeamFixture.ISSUER_ID) + "\nsign-in.client-id = " + TeamFixture.CLIENT_ID + "\n"
            + "sign-in.client-secret-file = oidc-secret\n" + extra);
        a = ServeProcess.teamSigningIn(config, "-Dstarpace.sweepSeconds=2");
        b = ServeProcess.teamSigningIn(config, "-Dstarpace.sweepSeconds=2");
        nginx = new Nginx(Files.createDirectories(dir.resolve("nginx")), port, List.of(a.port, b.port));
    }

    @Override
    public String url(String path) {
        return "http://localhost:" + port + path;
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public void nextSignIn(String subject, String email, String name, List<String> groups) {
        provider.enqueueCallback(new DefaultOAuth2TokenCallback(TeamFixture.ISSUER_ID, subject, "JWT", null,
            Map.of("email", email, "name", name, "groups", groups), 3600));
    }

    @Override
    public TeamFixture.Member signIn(String subject, String email, String name, String... groups) throws Exception {
        return TeamFixture.signIn(provider, this::url, subject, email, name, groups);
    }

    @Override
    public void close() throws Exception {
        try (nginx; b; a) {
            provider.shutdown();
        }
    }
}
