package dev.footwork.testkit;

import dev.footwork.contracts.CloudEventAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The credentials a record on an ingress topic may carry, for the ingress access matrix: the {@code
 * authorization} header a clinic platform sends, or none. Only {@link #VALID} authorises a record;
 * the owning service dead-letters the others with cause {@code tenant-not-authorised}.
 */
public enum PlatformCredential {
    /** The clinic's own integration token, valid now. */
    VALID(clinic -> Optional.of(integration(clinic).bearer())),
    /** A valid integration token of another clinic. */
    ANOTHER_CLINICS(clinic -> Optional.of(integration("other-" + clinic).bearer())),
    /** The clinic's own integration token, which expired an hour before the record is appended. */
    EXPIRED_AT_APPEND(
            clinic ->
                    Optional.of(
                            integration(clinic)
                                    .valid(
                                            Instant.now().minus(Duration.ofHours(2)),
                                            Duration.ofHours(1))
                                    .bearer())),
    /** A token for the clinic signed by a key the services do not trust. */
    FORGED(clinic -> Optional.of(integration(clinic).signedByAStranger().bearer())),
    /** No credential at all. */
    MISSING(clinic -> Optional.empty());

    private final Function<String, Optional<String>> header;

    PlatformCredential(Function<String, Optional<String>> header) {
        this.header = header;
    }

    /** The {@code authorization} header of a record for {@code clinicId}, or none. */
    public Optional<String> header(String clinicId) {
        return header.apply(clinicId);
    }

    /** Whether the owning service applies a record with this credential. */
    public boolean authorises() {
        return this == VALID;
    }

    /**
     * Waits for the dead letter of the ingress record keyed {@code key} and checks that it was
     * refused for its credential ({@code tenant-not-authorised}), came from {@code ingressTopic}
     * and does not carry the credential on.
     *
     * @throws AssertionError when no such dead letter arrives within {@code wait}, or it differs
     */
    public static ConsumerRecord<String, String> awaitRefusal(
            String bootstrapServers,
            String deadLetterTopic,
            String ingressTopic,
            String key,
            Duration wait) {
        ConsumerRecord<String, String> dead =
                KafkaRecords.find(bootstrapServers, deadLetterTopic, r -> key.equals(r.key()), wait)
                        .orElseThrow(() -> new AssertionError("nothing dead-lettered for " + key));
        expect(dead, CloudEventAttributes.DEAD_LETTER_CAUSE, "tenant-not-authorised");
        expect(dead, CloudEventAttributes.DEAD_LETTER_TOPIC, ingressTopic);
        // the platform's token is a secret: the dead letter keeps everything else of the record
        expect(dead, CloudEventAttributes.AUTHORIZATION, null);
        return dead;
    }

    private static void expect(ConsumerRecord<String, String> dead, String header, String value) {
        String actual = KafkaRecords.header(dead, header);
        if (!Objects.equals(actual, value)) {
            throw new AssertionError(
                    "dead letter "
                            + dead.key()
                            + ": header "
                            + header
                            + " is "
                            + actual
                            + ", expected "
                            + value);
        }
    }

    private static DevTokens.Token integration(String clinicId) {
        return DevTokens.shared().token(CloudEventRecords.PLATFORM_ROLE, clinicId);
    }
}
