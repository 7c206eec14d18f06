package dev.starpace.server.team;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jwt.JWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.GeneralException;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import java.io.IOException;
import java.net.URI;
import java.util.List;

/**
 * Signs people in through the organisation's OpenID Connect provider with the authorization code flow (Nimbus
 * oauth2-oidc-sdk): the browser is sent to the provider with a state, a nonce and a PKCE challenge, comes back with a
 * code, and the code is exchanged here, with the client secret, for an ID token whose signature, issuer, audience,
 * expiry and nonce are checked. The provider's metadata is read on first use, so a provider down at StarPace's start
 * does not stop it: signing in says so instead.
 */
public final class OidcClient {
    /** What a sign-in carries from its start to the provider's answer: kept in the browser, in a cookie only this server reads. */
    public record Pending(String state, String nonce, String verifier) {
        /** One cookie value: the three are base64url or PKCE's unreserved characters, none of them '!'. */
        public String cookie() {
            return state + "!" + nonce + "!" + verifier;
        }

        public static Pending of(String cookie) {
            String[] parts = cookie == null ? new String[0] : cookie.split("!");
            return parts.length == 3 ? new Pending(parts[0], parts[1], parts[2]) : null;
        }
    }

    /** Who signed in, as the provider said: its subject, name, e-mail and groups. */
    public record Identity(String subject, String name, String email, List<String> groups) {
    }

    private final SignInProvider provider;
    private final String groupsClaim;
    private final URI callback;
    private volatile OIDCProviderMetadata metadata;
    private volatile IDTokenValidator validator;

    public OidcClient(SignInProvider provider, String groupsClaim, URI callback) {
        this.provider = provider;
        this.groupsClaim = groupsClaim;
        this.callback = callback;
    }

    /** Where to send the browser to sign in, and what to keep until it comes back. */
    public URI begin(Pending pending) {
        return new AuthenticationRequest.Builder(ResponseType.CODE, new Scope("openid", "email", "profile"),
            new ClientID(provider.clientId()), callback)
            .endpointURI(metadata().getAuthorizationEndpointURI())
            .state(new State(pending.state()))
            .nonce(new Nonce(pending.nonce()))
            .codeChallenge(new CodeVerifier(pending.verifier()), CodeChallengeMethod.S256)
            .build().toURI();
    }

    /** A new sign-in's state, nonce and PKCE verifier, each random. */
    public static Pending fresh() {
        return new Pending(new State().getValue(), new Nonce().getValue(), new CodeVerifier().getValue());
    }

    /** Exchanges the provider's code for a checked ID token: who signed in. */
    public Identity finish(Pending pending, String code) {
        OIDCProviderMetadata meta = metadata();
        TokenResponse response;
        try {
            TokenRequest request = new TokenRequest(meta.getTokenEndpointURI(),
                new ClientSecretBasic(new ClientID(provider.clientId()), new Secret(provider.clientSecret())),
                new AuthorizationCodeGrant(new AuthorizationCode(code), callback, new CodeVerifier(pending.verifier())));
            response = OIDCTokenResponseParser.parse(request.toHTTPRequest().send());
        } catch (IOException e) {
            throw new SignInException(unreachable(), e);
        } catch (ParseException e) {
            throw new SignInException("the sign-in provider " + provider.issuer() + " gave an answer that is not OpenID Connect's", e);
        }
        if (!response.indicatesSuccess()) {
            ErrorObject error = response.toErrorResponse().getErrorObject();
            throw new SignInException("the sign-in provider refused StarPace's sign-in: "
                + (error == null ? "no reason given" : error.getCode() + (error.getDescription() == null ? "" : " (" + error.getDescription() + ")")));
        }
        JWT idToken = ((OIDCTokenResponse) response.toSuccessResponse()).getOIDCTokens().getIDToken();
        IDTokenClaimsSet claims;
        try {
            claims = validator(meta).validate(idToken, new Nonce(pending.nonce()));
        } catch (BadJOSEException | JOSEException e) {
            throw new SignInException("the sign-in provider's answer did not pass StarPace's checks (" + e.getMessage() + ")", e);
        }
        String email = claims.getStringClaim("email");
        String name = claims.getStringClaim("name");
        // a list of group names, or one name (some providers send a single group as a string)
        List<String> listed = claims.getStringListClaim(groupsClaim);
        String one = listed == null ? claims.getStringClaim(groupsClaim) : null;
        List<String> groups = listed != null ? List.copyOf(listed) : one != null ? List.of(one) : List.of();
        String subject = claims.getSubject().getValue();
        return new Identity(subject, name != null ? name : email != null ? email : subject, email, groups);
    }

    private OIDCProviderMetadata metadata() {
        OIDCProviderMetadata meta = metadata;
        if (meta == null) {
            try {
                meta = OIDCProviderMetadata.resolve(new Issuer(provider.issuer()), 5_000, 5_000);
            } catch (IOException e) {
                throw new SignInException(unreachable(), e);
            } catch (GeneralException e) {
                throw new SignInException("the sign-in provider " + provider.issuer() + " does not describe itself as OpenID"
                    + " Connect asks (" + e.getMessage() + "); check sign-in.issuer in the team configuration", e);
            }
            metadata = meta;
        }
        return meta;
    }

    private IDTokenValidator validator(OIDCProviderMetadata meta) {
        IDTokenValidator v = validator;
        if (v == null) {
            try {
                v = new IDTokenValidator(meta.getIssuer(), new ClientID(provider.clientId()), JWSAlgorithm.RS256,
                    meta.getJWKSetURI().toURL());
            } catch (java.net.MalformedURLException e) {
                throw new SignInException("the sign-in provider's key set address is not a URL: " + meta.getJWKSetURI(), e);
            }
            validator = v;
        }
        return v;
    }

    private String unreachable() {
        return "the sign-in provider " + provider.issuer() + " cannot be reached; try again in a moment";
    }
}
