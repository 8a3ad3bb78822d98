package dev.footwork.support.security;

import static dev.footwork.contracts.CloudEventAttributes.AUTHORIZATION;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.KeyLocationResolver;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.record.TimestampType;
import org.jose4j.jwa.AlgorithmConstraints.ConstraintType;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.ErrorCodeValidator;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.VerificationKeyResolver;
import org.jose4j.lang.UnresolvableKeyException;

/**
 * Verifies the credential of a record a clinic platform wrote to an ingress topic: the platform's
 * integration token in the {@code authorization} header ({@code Bearer <JWT>}), checked with the
 * service's smallrye-jwt settings (key, issuer, audience, algorithms, clock skew: the same as for
 * REST), for the role {@link Roles#INTEGRATION} and the record's clinic in claim {@code clinic_id}.
 *
 * <p>The token must be valid at the record's append time, which the broker sets on an ingress topic
 * ({@code message.timestamp.type=LogAppendTime}): a record written while its token was valid stays
 * valid however long it waits to be read, and an expired token cannot authorise a new record. A
 * record whose time its producer chose is refused, since that time could be anything.
 *
 * <p>Tokens whose signature, issuer and audience were verified are remembered (at most {@link
 * #REMEMBERED} of them, by the whole token), so that a platform's stream of records under one token
 * costs one signature check; the times are checked for every record.
 */
@ApplicationScoped
public class RecordCredentials {

    /** The dead-letter cause of a record whose credential does not authorise it. */
    public static final String NOT_AUTHORISED = "tenant-not-authorised";

    /** How many verified tokens are remembered. */
    static final int REMEMBERED = 1_000;

    private static final String BEARER = "bearer ";
    private static final String GROUPS = "groups";

    private final JWTAuthContextInfo settings;
    private final Map<String, JwtClaims> verified =
            new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, JwtClaims> eldest) {
                    return size() > REMEMBERED;
                }
            };
    private VerificationKeyResolver keys;

    RecordCredentials(JWTAuthContextInfo settings) {
        this.settings = settings;
    }

    /**
     * Why the record's credential does not authorise writing for {@code clinicId}, or empty when it
     * does.
     */
    public Optional<String> refusal(
            Headers headers, TimestampType timestampType, long timestamp, String clinicId) {
        if (timestampType != TimestampType.LOG_APPEND_TIME) {
            return Optional.of(
                    "the record's time was not set by the broker; an ingress topic needs"
                            + " message.timestamp.type=LogAppendTime");
        }
        List<String> values = new ArrayList<>();
        for (Header header : headers.headers(AUTHORIZATION)) {
            values.add(
                    header.value() == null
                            ? ""
                            : new String(header.value(), StandardCharsets.UTF_8));
        }
        if (values.isEmpty()) {
            return Optional.of("the record has no " + AUTHORIZATION + " header");
        }
        if (values.size() > 1) {
            return Optional.of("the record has more than one " + AUTHORIZATION + " header");
        }
        String value = values.get(0).strip();
        if (!value.toLowerCase(Locale.ROOT).startsWith(BEARER)
                || value.substring(BEARER.length()).isBlank()) {
            return Optional.of("the " + AUTHORIZATION + " header is not 'Bearer <token>'");
        }
        String token = value.substring(BEARER.length()).strip();
        Instant appendedAt = Instant.ofEpochMilli(timestamp);
        JwtClaims claims;
        try {
            claims = verifiedAt(token, appendedAt);
        } catch (InvalidJwtException e) {
            return Optional.of(
                    e.hasExpired()
                            ? "the token had expired when the record was appended ("
                                    + appendedAt
                                    + ")"
                            : "the token could not be verified: " + summary(e));
        }
        return permission(claims, clinicId);
    }

    /** The token's claims once its signature, issuer, audience and times hold at {@code at}. */
    private JwtClaims verifiedAt(String token, Instant at) throws InvalidJwtException {
        JwtClaims known;
        synchronized (verified) {
            known = verified.get(token);
        }
        if (known != null) {
            checkTimes(known, at);
            return known;
        }
        JwtConsumerBuilder consumer =
                new JwtConsumerBuilder()
                        .setVerificationKeyResolver(keys())
                        .setJwsAlgorithmConstraints(ConstraintType.PERMIT, algorithms())
                        .setExpectedIssuer(settings.getIssuedBy())
                        .setRequireExpirationTime()
                        .setAllowedClockSkewInSeconds(settings.getClockSkew())
                        .setEvaluationTime(NumericDate.fromMilliseconds(at.toEpochMilli()));
        String[] audiences = audiences();
        if (audiences.length == 0) {
            consumer.setSkipDefaultAudienceValidation();
        } else {
            consumer.setExpectedAudience(audiences);
        }
        JwtClaims claims = consumer.build().processToClaims(token);
        checkTimes(claims, at);
        synchronized (verified) {
            verified.put(token, claims);
        }
        return claims;
    }

    /**
     * The token's times against the record's: not expired (as the verification checks it, for a
     * token verified before), and neither issued nor valid only after the record was appended.
     */
    private void checkTimes(JwtClaims claims, Instant at) throws InvalidJwtException {
        try {
            long seconds = at.getEpochSecond();
            int skew = settings.getClockSkew();
            if (seconds >= claims.getExpirationTime().getValue() + skew) {
                throw new InvalidJwtException(
                        "expired",
                        List.of(new ErrorCodeValidator.Error(1, "the token has expired")),
                        null);
            }
            NumericDate notBefore = claims.getNotBefore();
            NumericDate issuedAt = claims.getIssuedAt();
            if (notBefore != null && seconds + skew < notBefore.getValue()
                    || issuedAt != null && seconds + skew < issuedAt.getValue()) {
                throw new InvalidJwtException(
                        "not yet valid",
                        List.of(new ErrorCodeValidator.Error(6, "the token is not yet valid")),
                        null);
            }
        } catch (MalformedClaimException e) {
            throw new InvalidJwtException(
                    "malformed",
                    List.of(new ErrorCodeValidator.Error(18, "a time claim is malformed")),
                    null);
        }
    }

    /** The role and the clinic the token grants, against the record's clinic. */
    private static Optional<String> permission(JwtClaims claims, String clinicId) {
        try {
            List<String> groups =
                    claims.hasClaim(GROUPS) ? claims.getStringListClaimValue(GROUPS) : List.of();
            if (!groups.contains(Roles.INTEGRATION)) {
                return Optional.of("the token does not carry the role " + Roles.INTEGRATION);
            }
            Object clinic = claims.getClaimValue(Caller.CLINIC_CLAIM);
            if (!(clinic instanceof String granted)) {
                return Optional.of("the token names no clinic (claim " + Caller.CLINIC_CLAIM + ")");
            }
            if (!granted.equals(clinicId)) {
                return Optional.of("the token is for another clinic than the record's clinicid");
            }
            return Optional.empty();
        } catch (MalformedClaimException e) {
            return Optional.of("the token's " + GROUPS + " claim is not a list of roles");
        }
    }

    /** The verification errors in words, without the token's claims. */
    private static String summary(InvalidJwtException e) {
        List<String> errors =
                e.getErrorDetails().stream()
                        .map(ErrorCodeValidator.Error::getErrorMessage)
                        .toList();
        return errors.isEmpty() ? "invalid token" : String.join("; ", errors);
    }

    private synchronized VerificationKeyResolver keys() {
        if (keys == null) {
            try {
                keys = new KeyLocationResolver(settings);
            } catch (UnresolvableKeyException e) {
                throw new IllegalStateException(
                        "the token verification key cannot be read: " + e.getMessage(), e);
            }
        }
        return keys;
    }

    private String[] algorithms() {
        return settings.getSignatureAlgorithm().stream()
                .map(SignatureAlgorithm::getAlgorithm)
                .toArray(String[]::new);
    }

    private String[] audiences() {
        return settings.getExpectedAudience() == null
                ? new String[0]
                : settings.getExpectedAudience().toArray(String[]::new);
    }
}
