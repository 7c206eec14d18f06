package dev.starpace.server.web;

import java.util.List;

/** A team StarPace as a browser reaches it: one instance in this JVM (TeamFixture), or several behind nginx (NginxTeam). */
interface TeamSite {
    /** An address of the site, by the public URL's host name. */
    String url(String path);

    /** The public port, where the page and the live socket are. */
    int port();

    /** The provider's next sign-in is this person's. */
    void nextSignIn(String subject, String email, String name, List<String> groups);

    /** An HTTP client signed in as this person. */
    TeamFixture.Member signIn(String subject, String email, String name, String... groups) throws Exception;
}
