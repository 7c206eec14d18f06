package dev.starpace.server.store;

import java.time.Instant;

/** A signed-in session: whose it is, the token its state-changing requests must carry, and when it ends. */
public record SignIn(Person person, String csrf, Instant expires) {
}
