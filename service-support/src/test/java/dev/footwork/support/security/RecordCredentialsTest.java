package dev.footwork.support.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.footwork.contracts.CloudEventAttributes;
import dev.footwork.testkit.DevTokens;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

/**
 * The credential of an ingress record, checked at the record's append time with the same settings
 * as REST tokens, without Quarkus: the signing key of the shared test tokens, their issuer and
 * audience.
 */
class RecordCredentialsTest {

    private static final String CLINIC = "clinic-a";
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    private final RecordCredentials credentials = new RecordCredentials(settings());

    private static JWTAuthContextInfo settings() {
        JWTAuthContextInfo settings =
                new JWTAuthContextInfo(
                        DevTokens.shared().publicKeyFile().toUri().toString(), DevTokens.ISSUER);
        settings.setExpectedAudience(Set.of(DevTokens.AUDIENCE));
        return settings;
    }

    private static DevTokens.Token integration(String clinic) {
        return DevTokens.shared().token(Roles.INTEGRATION, clinic);
    }

    private static Headers with(String... authorization) {
        Headers headers = new RecordHeaders();
        for (String value : authorization) {
            headers.add(CloudEventAttributes.AUTHORIZATION, value.getBytes(StandardCharsets.UTF_8));
        }
        return headers;
    }

    private Optional<String> appendedAt(Instant at, Headers headers) {
        return credentials.refusal(
                headers, TimestampType.LOG_APPEND_TIME, at.toEpochMilli(), CLINIC);
    }

    @Test
    void theClinicsOwnIntegrationTokenAuthorisesTheRecord() {
        assertThat(appendedAt(NOW, with(integration(CLINIC).bearer()))).isEmpty();
    }

    @Test
    void aTokenOfAnotherClinicDoesNot() {
        assertThat(appendedAt(NOW, with(integration("clinic-b").bearer())))
                .hasValueSatisfying(why -> assertThat(why).contains("another clinic"));
    }

    @Test
    void aTokenWithoutAClinicDoesNot() {
        assertThat(appendedAt(NOW, with(integration(null).bearer())))
                .hasValueSatisfying(why -> assertThat(why).contains("names no clinic"));
    }

    @Test
    void aTokenOfAnotherRoleDoesNot() {
        String clinician = DevTokens.shared().token(Roles.CLINICIAN, CLINIC).bearer();

        assertThat(appendedAt(NOW, with(clinician)))
                .hasValueSatisfying(why -> assertThat(why).contains("role integration"));
    }

    @Test
    void aTokenThatHadExpiredWhenTheRecordWasAppendedDoesNot() {
        String expired =
                integration(CLINIC)
                        .valid(NOW.minus(Duration.ofHours(2)), Duration.ofHours(1))
                        .bearer();

        assertThat(appendedAt(NOW, with(expired)))
                .hasValueSatisfying(why -> assertThat(why).contains("had expired"));
    }

    @Test
    void aRecordAppendedWhileItsTokenWasValidStaysValidHoweverLateItIsRead() {
        // issued two hours ago for one hour: expired now, valid when the record was appended
        String token =
                integration(CLINIC)
                        .valid(NOW.minus(Duration.ofHours(2)), Duration.ofHours(1))
                        .bearer();

        assertThat(appendedAt(NOW.minus(Duration.ofMinutes(90)), with(token))).isEmpty();
    }

    @Test
    void aRememberedTokenIsStillCheckedAgainstEachRecordsAppendTime() {
        String token =
                integration(CLINIC)
                        .valid(NOW.minus(Duration.ofHours(2)), Duration.ofHours(1))
                        .bearer();
        assertThat(appendedAt(NOW.minus(Duration.ofMinutes(90)), with(token))).isEmpty();

        assertThat(appendedAt(NOW.minus(Duration.ofMinutes(30)), with(token)))
                .hasValueSatisfying(why -> assertThat(why).contains("had expired"));
        assertThat(appendedAt(NOW.minus(Duration.ofHours(3)), with(token)))
                .hasValueSatisfying(why -> assertThat(why).contains("not yet valid"));
    }

    @Test
    void aTokenNotYetIssuedWhenTheRecordWasAppendedDoesNot() {
        String later = integration(CLINIC).valid(NOW, Duration.ofHours(1)).bearer();

        assertThat(appendedAt(NOW.minus(Duration.ofHours(1)), with(later)))
                .hasValueSatisfying(why -> assertThat(why).contains("could not be verified"));
    }

    @Test
    void aForgedTokenDoesNot() {
        String forged = integration(CLINIC).signedByAStranger().bearer();

        assertThat(appendedAt(NOW, with(forged)))
                .hasValueSatisfying(why -> assertThat(why).contains("could not be verified"));
    }

    @Test
    void aTokenOfAnotherIssuerOrAudienceDoesNot() {
        String issuer = integration(CLINIC).issuer("https://elsewhere.example").bearer();
        String audience = integration(CLINIC).audience("someone-else").bearer();

        assertThat(appendedAt(NOW, with(issuer))).isPresent();
        assertThat(appendedAt(NOW, with(audience))).isPresent();
    }

    @Test
    void aRecordWithoutAToken() {
        assertThat(appendedAt(NOW, with()))
                .hasValueSatisfying(why -> assertThat(why).contains("no authorization header"));
        assertThat(appendedAt(NOW, with("Bearer ")))
                .hasValueSatisfying(why -> assertThat(why).contains("not 'Bearer <token>'"));
        assertThat(appendedAt(NOW, with(integration(CLINIC).sign())))
                .hasValueSatisfying(why -> assertThat(why).contains("not 'Bearer <token>'"));
        assertThat(appendedAt(NOW, with("Bearer not.a.token"))).isPresent();
    }

    @Test
    void aRecordWithTwoTokensIsAmbiguous() {
        String token = integration(CLINIC).bearer();

        assertThat(appendedAt(NOW, with(token, integration("clinic-b").bearer())))
                .hasValueSatisfying(why -> assertThat(why).contains("more than one"));
    }

    @Test
    void aTimeTheProducerChoseCannotBoundTheToken() {
        Optional<String> refusal =
                credentials.refusal(
                        with(integration(CLINIC).bearer()),
                        TimestampType.CREATE_TIME,
                        NOW.toEpochMilli(),
                        CLINIC);

        assertThat(refusal).hasValueSatisfying(why -> assertThat(why).contains("LogAppendTime"));
    }
}
