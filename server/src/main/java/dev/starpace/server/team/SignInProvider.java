package dev.starpace.server.team;

/**
 * The organisation's OpenID Connect provider, as the team configuration names it: its issuer URL and the client id and
 * secret it gave StarPace. StarPace stores no passwords; the provider signs people in (OidcClient).
 */
public record SignInProvider(String issuer, String clientId, String clientSecret) {
    /** Never the secret: a record's own toString would print it into a log. */
    @Override
    public String toString() {
        return "SignInProvider[" + issuer + ", client " + clientId + "]";
    }
}
