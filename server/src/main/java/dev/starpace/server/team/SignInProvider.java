package dev.starpace.server.team;

/**
 * The organisation's OpenID Connect provider, as the team configuration names it. Read and checked now; signing in
 * through it is the next slice of issue 25, so until then team mode refuses to start (TeamConfig#requireSignIn).
 */
public record SignInProvider(String issuer, String clientId, String clientSecret) {
    /** Never the secret: a record's own toString would print it into a log. */
    @Override
    public String toString() {
        return "SignInProvider[" + issuer + ", client " + clientId + "]";
    }
}
